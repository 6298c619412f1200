#ifndef LITBOOK_CZLIB_SHIM_H
#define LITBOOK_CZLIB_SHIM_H
#include <zlib.h>
#endif
