/*===- SharedLibraryEntry.c - The C entry of a kernel shared library -------===*
 *
 * Compiled into every library that tconv-compile --emit=shared links (the
 * source is embedded in tconv-compile, SharedLibrary.cpp), beside the kernels
 * and the Halide runtime. It gives callers without halide_buffer_t (the
 * Python package's ctypes binding, docs/python.md) three functions:
 *
 *   int tconv_invoke(argv_fn, count, hosts, ranks, extents, codes, bits)
 *       builds one dense halide_buffer_t per operand (extents outermost
 *       first, as PyTorch and numpy write shapes; dimension 0 innermost in the
 *       buffer) and calls the kernel's Halide argv wrapper <name>_argv.
 *       Returns the kernel's result: 0, or a Halide error code.
 *   const char *tconv_last_error(void)
 *       the messages halide_error reported during this thread's last
 *       tconv_invoke ("" when none).
 *   void tconv_set_num_threads(int n)
 *       the size of the Halide runtime's thread pool (halide_set_num_threads).
 *
 * Halide's default error handler prints to stderr; this library's handler,
 * installed when the library is loaded, keeps the message in thread-local
 * storage instead, so concurrent calls from several threads each get their
 * own message.
 *===----------------------------------------------------------------------===*/

#include "HalideRuntime.h"

#include <stdint.h>
#include <string.h>

enum { kMaxOperands = 16, kMaxRank = 8, kMessageSize = 2048 };

static _Thread_local char lastError[kMessageSize];

/* Appends: a failing kernel may report more than one line. */
static void captureError(void *userContext, const char *message) {
  (void)userContext;
  size_t used = strlen(lastError);
  if (used && used + 2 < kMessageSize) {
    lastError[used++] = '\n';
    lastError[used] = '\0';
  }
  size_t room = kMessageSize - 1 - used;
  size_t length = strlen(message);
  /* Halide's messages end in a newline; the caller adds its own. */
  while (length && (message[length - 1] == '\n' || message[length - 1] == ' '))
    --length;
  if (length > room)
    length = room;
  memcpy(lastError + used, message, length);
  lastError[used + length] = '\0';
}

__attribute__((constructor)) static void installErrorHandler(void) {
  halide_set_error_handler(captureError);
}

__attribute__((visibility("default"))) const char *tconv_last_error(void) {
  return lastError;
}

__attribute__((visibility("default"))) void tconv_set_num_threads(int n) {
  halide_set_num_threads(n);
}

typedef int (*ArgvFunction)(void **);

__attribute__((visibility("default"))) int
tconv_invoke(ArgvFunction kernel, int count, void *const *hosts,
             const int *ranks, const int64_t *extents, const uint8_t *codes,
             const uint8_t *bits) {
  lastError[0] = '\0';
  if (count < 1 || count > kMaxOperands) {
    captureError(0, "tconv_invoke: the operand count is out of range");
    return -1;
  }
  halide_buffer_t buffers[kMaxOperands];
  halide_dimension_t dims[kMaxOperands][kMaxRank];
  void *args[kMaxOperands];
  for (int i = 0; i < count; ++i) {
    const int rank = ranks[i];
    if (rank < 0 || rank > kMaxRank) {
      captureError(0, "tconv_invoke: an operand's rank is out of range");
      return -1;
    }
    int64_t stride = 1;
    for (int d = 0; d < rank; ++d) { /* innermost = the last extent given */
      const int64_t extent = extents[rank - 1 - d];
      if (extent < 0 || extent > INT32_MAX || stride > INT32_MAX) {
        captureError(0, "tconv_invoke: an extent does not fit the 32-bit "
                        "extents and strides of halide_buffer_t");
        return -1;
      }
      dims[i][d].min = 0;
      dims[i][d].extent = (int32_t)extent;
      dims[i][d].stride = (int32_t)stride;
      dims[i][d].flags = 0;
      stride *= extent;
    }
    extents += rank;
    memset(&buffers[i], 0, sizeof buffers[i]);
    buffers[i].host = (uint8_t *)hosts[i];
    buffers[i].type.code = codes[i];
    buffers[i].type.bits = bits[i];
    buffers[i].type.lanes = 1;
    buffers[i].dimensions = rank;
    buffers[i].dim = dims[i];
    args[i] = &buffers[i];
  }
  return kernel(args);
}
