/* mhd_lib.c - the libmicrohttpd functions vigie calls, opening the library at the first one
 * (core/dynlib.c says why). Each forwards to the library's own; without the library each
 * fails as the library may (NULL, MHD_NO, nothing done). */
#include <stdarg.h>
#include <stdint.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <microhttpd.h>

#include "../core/dynlib.h"

/* The table (core/dynlib.h): X returns a value (its value without the library last), V nothing;
 * S: variadic, forwarded below */
#define MHD_FUNCS(X, V, S)                                                                                      \
    V(MHD_stop_daemon, (struct MHD_Daemon * daemon), (daemon))                                                  \
    X(const char *, MHD_lookup_connection_value,                                                                \
      (struct MHD_Connection * connection, enum MHD_ValueKind kind, const char *key), (connection, kind, key),   \
      NULL)                                                                                                     \
    X(struct MHD_Response *, MHD_create_response_from_buffer,                                                   \
      (size_t size, void *buffer, enum MHD_ResponseMemoryMode mode), (size, buffer, mode), NULL)                \
    X(enum MHD_Result, MHD_add_response_header,                                                                 \
      (struct MHD_Response * response, const char *header, const char *content), (response, header, content),   \
      MHD_NO)                                                                                                   \
    X(enum MHD_Result, MHD_queue_response,                                                                      \
      (struct MHD_Connection * connection, unsigned int status_code, struct MHD_Response *response),            \
      (connection, status_code, response), MHD_NO)                                                              \
    V(MHD_destroy_response, (struct MHD_Response * response), (response))                                       \
    X(struct MHD_Daemon *, MHD_start_daemon_va,                                                                  \
      (unsigned int flags, uint16_t port, MHD_AcceptPolicyCallback apc, void *apc_cls,                          \
       MHD_AccessHandlerCallback dh, void *dh_cls, va_list ap),                                                 \
      (flags, port, apc, apc_cls, dh, dh_cls, ap), NULL)                                                        \
    S(MHD_get_daemon_info)

VG_DYNLIB_SHIM(MHD_FUNCS, "libmicrohttpd.so.12", "libmicrohttpd.so")

/* The options (pairs after dh_cls, ending with MHD_OPTION_END) go to the library as a va_list. */
struct MHD_Daemon *MHD_start_daemon(unsigned int flags, uint16_t port, MHD_AcceptPolicyCallback apc, void *apc_cls,
                                    MHD_AccessHandlerCallback dh, void *dh_cls, ...)
{
    va_list ap;
    va_start(ap, dh_cls);
    struct MHD_Daemon *d = MHD_start_daemon_va(flags, port, apc, apc_cls, dh, dh_cls, ap);
    va_end(ap);
    return d;
}

/* The information types vigie asks for (MHD_DAEMON_INFO_BIND_PORT) take no further argument. */
const union MHD_DaemonInfo *MHD_get_daemon_info(struct MHD_Daemon *daemon, enum MHD_DaemonInfoType info_type, ...)
{
    if (!vg_dynlib_ready(&lib)) return NULL;
    const union MHD_DaemonInfo *(*f)(struct MHD_Daemon *, enum MHD_DaemonInfoType, ...) =
        (const union MHD_DaemonInfo *(*)(struct MHD_Daemon *, enum MHD_DaemonInfoType, ...))fns[F_MHD_get_daemon_info];
    return f(daemon, info_type);
}
