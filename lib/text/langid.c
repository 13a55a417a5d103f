/* langid.c - language identification with libexttextcat over a chosen set of models. */
#include "langid.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libexttextcat/textcat.h>

#ifndef VG_TEXTCAT_DIR
#define VG_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

struct vg_langid {
    void *tc;
    pthread_mutex_t lock; /* textcat_Classify writes into its handle */
};

vg_status vg_langid_load(const char *data_dir, vg_langid **out, char *err, size_t errlen)
{
    *out = NULL;
    char conf[4096];
    snprintf(conf, sizeof conf, "%s/langid.conf", data_dir);
    vg_langid *l = calloc(1, sizeof *l);
    if (!l) return VG_ERR_NOMEM;
    l->tc = special_textcat_Init(conf, VG_TEXTCAT_DIR);
    if (!l->tc) {
        snprintf(err, errlen, "%s: cannot load language models (listed there, from %s; "
                 "package libexttextcat-data)", conf, VG_TEXTCAT_DIR);
        free(l);
        return VG_ERR_RESOURCE;
    }
    pthread_mutex_init(&l->lock, NULL);
    *out = l;
    return VG_OK;
}

void vg_langid_free(vg_langid *l)
{
    if (!l) return;
    textcat_Done(l->tc);
    pthread_mutex_destroy(&l->lock);
    free(l);
}

/* "[fr--utf8][en--utf8]" -> "fr" when one language stands out; codes are static. */
static const char *code_of(const char *res)
{
    static const char *const known[] = {"ar", "de", "en", "es", "fa", "fr", "it", "nl", "pt", "ru", "tr", "uk", "pl"};
    if (!res || res[0] != '[') return "und";
    /* Several candidates means textcat could not separate them: trust the first
     * only when it is one of two (fr/en confusions are rare in real text). */
    size_t n = 0;
    for (const char *p = res; (p = strchr(p, '[')); p++) n++;
    if (n > 2) return "und";
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        size_t kl = strlen(known[i]);
        if (!strncmp(res + 1, known[i], kl) && (res[1 + kl] == '-')) return known[i];
    }
    return "und";
}

const char *vg_langid_detect(const vg_langid *cl, const char *text, size_t n)
{
    vg_langid *l = (vg_langid *)cl;
    /* The start of an article decides; cut on a character boundary. */
    enum { SAMPLE = 4096 };
    size_t len = n < SAMPLE ? n : SAMPLE;
    while (len < n && len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80) len--;
    pthread_mutex_lock(&l->lock);
    const char *res = textcat_Classify(l->tc, text, len);
    const char *code = code_of(res);
    pthread_mutex_unlock(&l->lock);
    return code;
}
