/* env.c - vg_env: load every module's read-only resources once. */
#include "env.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/data_dir.h"
#include "../analyze/analyze.h"
#include "../extract/chrome.h"
#include "../extract/html_hints.h"
#include "../text/langid.h"

vg_status vg_env_open(const char *data_dir, vg_env **out, char *err, size_t errlen)
{
    char dummy[8];
    if (!err || !errlen) { err = dummy; errlen = sizeof dummy; }
    err[0] = 0;
    *out = NULL;
    data_dir = vg_data_dir(data_dir);
    vg_env *env = vg_calloc(1, sizeof *env);
    if (!env) return VG_ERR_NOMEM;
    env->data_dir = vg_strdup(data_dir);
    vg_status st = env->data_dir ? VG_OK : VG_ERR_NOMEM;
    if (st == VG_OK) st = vg_langid_load(data_dir, &env->langid, err, errlen);
    if (st == VG_OK) st = vg_chrome_load(data_dir, &env->chrome, err, errlen);
    if (st == VG_OK) st = vg_html_hints_load(data_dir, &env->html_hints, err, errlen);
    if (st == VG_OK)
        st = vg_analyzer_load(data_dir, &env->analyzer, err, errlen, env->warning, sizeof env->warning);
    if (st != VG_OK) { vg_env_close(env); return st; }
    *out = env;
    return VG_OK;
}

const char *vg_env_warning(const vg_env *env) { return env->warning[0] ? env->warning : NULL; }

vg_status vg_env_country(const vg_env *env, const char *name, char iso2[3])
{
    if (!name || !iso2) return VG_ERR_ARG;
    return vg_an_country_code(env ? env->analyzer : NULL, name, iso2);
}

void vg_env_close(vg_env *env)
{
    if (!env) return;
    vg_analyzer_free(env->analyzer);
    vg_chrome_free(env->chrome);
    vg_html_hints_free(env->html_hints);
    vg_langid_free(env->langid);
    free(env->data_dir);
    free(env);
}
