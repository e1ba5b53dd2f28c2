#ifndef COPROD_OUTPUT_H
#define COPROD_OUTPUT_H

#include <stddef.h>

/// A file written from start to end through a block-aligned buffer. Once a file is large, and
/// where it is on a local disk, full blocks go to the disk without passing through the page
/// cache: a big batch writes gigabytes of results, and copying them into the cache cost more
/// CPU than writing them. Full buffers are written by a thread of the file's own, so that the
/// caller goes on while the disk works. The caller must not write from two threads at once.
typedef struct coprod_output coprod_output;

/// Creates (or empties) `path` for writing; its first `cached_bytes` (rounded up to whole
/// buffers) go through the cache like any file's. Returns NULL with `*error` set to an errno
/// value.
coprod_output *coprod_output_open(const char *path, long long cached_bytes, int *error);

/// Appends `count` bytes, waiting only when the disk is three buffers behind. Returns 0, or an
/// errno value (one the writing thread met may come from a later call, or from close).
int coprod_output_write(coprod_output *output, const void *bytes, size_t count);

/// Writes what is left, closes the file and frees `output`, whatever happens. Returns 0, or an
/// errno value.
int coprod_output_close(coprod_output *output);

/// Creates (or empties) `path` and writes `count` bytes to it through the cache, without a
/// buffer: for a small file written at once. Returns 0, or an errno value.
int coprod_output_write_file(const char *path, const void *bytes, size_t count);

#endif
