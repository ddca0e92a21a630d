#ifndef VIEWFINDER_CMARIADB_SHIM_H
#define VIEWFINDER_CMARIADB_SHIM_H

#include <stddef.h>
#include <mysql.h>

// mysql_library_init is a macro, which Swift cannot call.
static inline int CMariaDB_library_init(void) {
    return mysql_library_init(0, NULL, NULL);
}

#endif
