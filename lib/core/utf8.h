/* utf8.h - UTF-8 validation, decoding, legacy-encoding repair, NFC and folding. */
#ifndef VG_UTF8_H
#define VG_UTF8_H
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Length of the longest valid UTF-8 prefix of s[0..n); == n when all valid.
 * Overlongs, surrogates and code points past U+10FFFF are invalid. */
size_t vg_utf8_valid_prefix(const char *s, size_t n);

/* Length of the valid UTF-8 character at s[0..n) (n > 0); 0 when the bytes there
 * are not one (vg_utf8_valid_prefix's rules: no overlong, surrogate or code
 * point past U+10FFFF, no character cut by n). */
static inline size_t vg_utf8_char_len(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        uint32_t cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        return cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
        uint32_t cp = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        return cp >= 0x10000 && cp <= 0x10FFFF ? 4 : 0;
    }
    return 0;
}

/* Decode one code point at s[0..n); sets *len (>= 1). Invalid bytes decode
 * as U+FFFD with *len = 1 (vg_utf8_valid_prefix's rules). n must be > 0. ASCII
 * and two-byte characters (Latin accents, Greek, Cyrillic, Arabic: most of a
 * text, read character by character by the tokenizers) are decoded inline,
 * three-byte ones (’ “ — and CJK) by vg_utf8_decode_multibyte itself, longer
 * ones and invalid bytes by utf8proc_iterate. */
int32_t vg_utf8_decode_multibyte(const char *s, size_t n, size_t *len);
static inline int32_t vg_utf8_decode(const char *s, size_t n, size_t *len)
{
    unsigned char c = (unsigned char)s[0];
    if (__builtin_expect(c < 0x80, 1)) { *len = 1; return c; }
    unsigned char c1 = n >= 2 ? (unsigned char)s[1] : 0;
    if (c >= 0xC2 && c <= 0xDF && (c1 & 0xC0) == 0x80) {
        *len = 2;
        return ((c & 0x1F) << 6) | (c1 & 0x3F);
    }
    return vg_utf8_decode_multibyte(s, n, len);
}
/* Encode cp into out (4 bytes room); returns bytes written. */
size_t vg_utf8_encode(int32_t cp, char *out);

/* Heuristic: does s[0..n) look like binary data rather than text in some
 * 8-bit or UTF-8 encoding? (NUL bytes, many C0 controls.) */
int vg_looks_binary(const char *s, size_t n);

/* Windows-1252 (Latin-1 superset) to UTF-8. Returns NULL if s contains bytes
 * undefined in 1252 (0x81 0x8D 0x8F 0x90 0x9D) or no memory. */
char *vg_cp1252_to_utf8(vg_arena *a, const char *s, size_t n, size_t *out_len);

/* NFC-normalise valid UTF-8 (utf8proc). NULL on no memory. */
char *vg_utf8_nfc(vg_arena *a, const char *s, size_t n, size_t *out_len);
/* Is cp NFC-stable: its own NFC, and never combined with what precedes it? Text
 * then normalises on either side of it on its own (vg_utf8_nfc copies runs of them). */
int vg_utf8_nfc_stable(int32_t cp);

/* Fold for matching: case-fold, strip accents, NFKC, typographic apostrophes
 * and dashes to ASCII. Input must be valid UTF-8. NULL on no memory. */
char *vg_fold(vg_arena *a, const char *s, size_t n, size_t *out_len);
/* Same, into a caller buffer (heap, caller frees with free()). */
char *vg_fold_heap(const char *s, size_t n, size_t *out_len);
/* Case-folded and composed (NFC) only, accents kept: what a stemmer reads ("й" is not "и"
 * in Russian). Heap, caller frees; NULL on no memory or invalid input. */
char *vg_lower_heap(const char *s, size_t n, size_t *out_len);
/* Same as vg_fold, into out[cap] with no allocation: the length (out NUL-terminated),
 * 0 when the fold is empty, the input invalid or the result does not fit,
 * (size_t)-1 when the input is too long for this path (use vg_fold_heap). */
size_t vg_fold_into(const char *s, size_t n, char *out, size_t cap);
/* vg_fold_into through utf8proc only, without the Arabic fast path: what that
 * path must equal (tests). */
size_t vg_fold_reference(const char *s, size_t n, char *out, size_t cap);

/* Is cp a letter or digit (Unicode categories L*, N*)? ASCII inline, the
 * rest from utf8proc's tables. */
int vg_is_alnum_unicode(int32_t cp);
static inline int vg_is_alnum(int32_t cp)
{
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    return vg_is_alnum_unicode(cp);
}
int vg_is_upper_unicode(int32_t cp);
static inline int vg_is_upper(int32_t cp)
{
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    return vg_is_upper_unicode(cp);
}
/* Is cp a letter of a script with no case (Arabic, Hebrew, CJK: category Lo)?
 * Such a letter can start a sentence or a name without being a capital. */
int vg_is_caseless(int32_t cp);
/* Is cp a digit that vg_fold writes as an ASCII digit (0-9, Arabic-Indic
 * ٠-٩, Persian ۰-۹)? */
static inline int vg_is_digit(int32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9);
}

#endif
