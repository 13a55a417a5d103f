/* pq_lib.c - the libpq functions vigie calls, opening libpq at the first one (core/dynlib.c says
 * why). Each forwards to the library's own; without the library each fails as libpq does with
 * no connection (NULL, a bad status, an error text). */
#include <libpq-fe.h>

#include "../core/dynlib.h"

/* The table (core/dynlib.h): X returns a value (its value without libpq last), V nothing */
#define PQ_FUNCS(X, V, S)                                                                                       \
    X(PGconn *, PQconnectdb, (const char *conninfo), (conninfo), NULL)                                           \
    V(PQfinish, (PGconn * conn), (conn))                                                                         \
    X(ConnStatusType, PQstatus, (const PGconn *conn), (conn), CONNECTION_BAD)                                   \
    X(char *, PQerrorMessage, (const PGconn *conn), (conn), (char *)"libpq not loaded")                         \
    X(PQconninfoOption *, PQconninfoParse, (const char *conninfo, char **errmsg), (conninfo, errmsg), NULL)       \
    V(PQconninfoFree, (PQconninfoOption * opts), (opts))                                                         \
    X(PQnoticeProcessor, PQsetNoticeProcessor, (PGconn * conn, PQnoticeProcessor proc, void *arg),               \
      (conn, proc, arg), NULL)                                                                                   \
    X(PGresult *, PQexec, (PGconn * conn, const char *query), (conn, query), NULL)                              \
    X(PGresult *, PQprepare,                                                                                     \
      (PGconn * conn, const char *stmtName, const char *query, int nParams, const Oid *paramTypes),              \
      (conn, stmtName, query, nParams, paramTypes), NULL)                                                        \
    X(PGresult *, PQexecPrepared,                                                                                \
      (PGconn * conn, const char *stmtName, int nParams, const char *const *paramValues,                        \
       const int *paramLengths, const int *paramFormats, int resultFormat),                                      \
      (conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat), NULL)                    \
    X(int, PQsendQueryPrepared,                                                                                  \
      (PGconn * conn, const char *stmtName, int nParams, const char *const *paramValues,                        \
       const int *paramLengths, const int *paramFormats, int resultFormat),                                      \
      (conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat), 0)                       \
    X(PGresult *, PQgetResult, (PGconn * conn), (conn), NULL)                                                    \
    X(int, PQenterPipelineMode, (PGconn * conn), (conn), 0)                                                      \
    X(int, PQexitPipelineMode, (PGconn * conn), (conn), 0)                                                       \
    X(int, PQpipelineSync, (PGconn * conn), (conn), 0)                                                           \
    V(PQclear, (PGresult * res), (res))                                                                          \
    X(ExecStatusType, PQresultStatus, (const PGresult *res), (res), PGRES_FATAL_ERROR)                          \
    X(char *, PQresultErrorMessage, (const PGresult *res), (res), (char *)"libpq not loaded")                   \
    X(char *, PQresultErrorField, (const PGresult *res, int fieldcode), (res, fieldcode), NULL)                  \
    X(int, PQntuples, (const PGresult *res), (res), 0)                                                           \
    X(int, PQnfields, (const PGresult *res), (res), 0)                                                           \
    X(char *, PQfname, (const PGresult *res, int field_num), (res, field_num), NULL)                            \
    X(char *, PQgetvalue, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num), NULL)   \
    X(int, PQgetisnull, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num), 1)        \
    X(unsigned char *, PQunescapeBytea, (const unsigned char *strtext, size_t *retbuflen), (strtext, retbuflen), \
      NULL)                                                                                                      \
    V(PQfreemem, (void *ptr), (ptr))

VG_DYNLIB_SHIM(PQ_FUNCS, "libpq.so.5", "libpq.so")
