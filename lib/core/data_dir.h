/* data_dir.h - which folder data/ is read from (internal). A header only: the tools that
 * compile the .c files of lib/core on their own (scripts/build-gazetteer.sh, check-languages.sh) have no
 * compiled-in data folder. */
#ifndef VG_DATA_DIR_H
#define VG_DATA_DIR_H
#include <stdlib.h>

/* The data folder: given when not NULL and not empty, else $VIGIE_DATA when set and not empty,
 * else the compiled-in one (VG_DATA_DIR). vg_env_open and the story weights' reference corpora
 * (lib/cluster/reference.c) both resolve theirs here, so a folder given to one is the other's. */
static inline const char *vg_data_dir(const char *given)
{
    if (!given) given = getenv("VIGIE_DATA");
    return given && *given ? given : VG_DATA_DIR;
}

#endif
