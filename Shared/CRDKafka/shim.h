#ifndef GRIDLOOP_CRDKAFKA_SHIM_H
#define GRIDLOOP_CRDKAFKA_SHIM_H
#include <librdkafka/rdkafka.h>
#endif
