#ifndef LITBOOK_CCMARK_SHIM_H
#define LITBOOK_CCMARK_SHIM_H
#include <cmark.h>
#endif
