//
// BMS Guard: the target header nf-interpreter's SPI and GPIO natives and nanoHAL_Spi.cpp include (each target has
// its own; POSIX has none), for tools/nanoclr/mcp: what they use of it is nanoHAL's.
//

#ifndef TARGETPAL_H
#define TARGETPAL_H

#include <nanoHAL_v2.h>

#endif // TARGETPAL_H
