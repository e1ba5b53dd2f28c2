#define _GNU_SOURCE
#include "coprod_output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/vfs.h>
#endif

/* Direct writes need the buffer's address, its length and the file offset to be multiples of
   the device's block size; 4096 covers the devices in use, and a device that wants more makes
   the first direct write fail with EINVAL, after which the file goes through the cache. */
enum { alignment = 4096, capacity = 4 << 20, pass_through = 64 << 10 };

struct coprod_output {
    int fd;
    /* Whether full blocks may skip the cache: on local disk file systems only, since on a
       network share each direct write would wait for the server. */
    int may_go_direct;
    int direct;
    long long cached_bytes;
    long long written;
    size_t used;
    unsigned char *buffer;
};

static int write_all(int fd, const unsigned char *bytes, size_t count) {
    while (count > 0) {
        ssize_t written = write(fd, bytes, count);
        if (written < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        bytes += written;
        count -= (size_t)written;
    }
    return 0;
}

static int set_direct(coprod_output *output, int on) {
#ifdef O_DIRECT
    int flags = fcntl(output->fd, F_GETFL);
    if (flags < 0 || fcntl(output->fd, F_SETFL, on ? flags | O_DIRECT : flags & ~O_DIRECT) < 0) return errno;
#endif
    output->direct = on;
    return 0;
}

/* Writes the first `count` bytes of the buffer, a whole number of blocks when direct. */
static int write_blocks(coprod_output *output, size_t count) {
    if (count == 0) return 0;
    output->written += (long long)count;
    if (!output->direct) return write_all(output->fd, output->buffer, count);
    ssize_t written;
    do {
        written = write(output->fd, output->buffer, count);
    } while (written < 0 && errno == EINTR);
    if (written == (ssize_t)count) return 0;
    if (written < 0 && errno != EINVAL) return errno;
    /* Refused (the device wants another alignment) or cut short (the offset is no longer
       aligned): the rest of the file goes through the cache. */
    size_t done = written < 0 ? 0 : (size_t)written;
    output->may_go_direct = 0;
    int error = set_direct(output, 0);
    return error != 0 ? error : write_all(output->fd, output->buffer + done, count - done);
}

static int local_disk(int fd) {
#if defined(__linux__) && defined(O_DIRECT)
    struct statfs about;
    if (fstatfs(fd, &about) != 0) return 0;
    switch ((unsigned long)about.f_type) {
    case 0xEF53UL:      /* ext2, ext3, ext4 */
    case 0x58465342UL:  /* XFS */
    case 0x9123683EUL:  /* Btrfs */
        return 1;
    }
#else
    (void)fd;
#endif
    return 0;
}

coprod_output *coprod_output_open(const char *path, long long cached_bytes, int *error) {
    coprod_output *output = calloc(1, sizeof *output);
    if (output == NULL || posix_memalign((void **)&output->buffer, alignment, capacity) != 0) {
        free(output);
        *error = ENOMEM;
        return NULL;
    }
    output->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (output->fd < 0) {
        *error = errno;
        free(output->buffer);
        free(output);
        return NULL;
    }
    output->may_go_direct = local_disk(output->fd);
    output->cached_bytes = cached_bytes;
    return output;
}

/* Whether full blocks should skip the cache from here on. */
static int direct_due(const coprod_output *output) {
    return output->may_go_direct && output->written + (long long)output->used >= output->cached_bytes;
}

/* Writes the full buffer. The first time direct writes are due, what comes before the next
   block boundary goes through the cache, and the rest moves to the start of the buffer (whose
   address is aligned), to be written direct once the buffer is full again. */
static int write_full_buffer(coprod_output *output) {
    if (!output->direct && direct_due(output)) {
        size_t head = (size_t)((alignment - output->written % alignment) % alignment);
        int error = write_all(output->fd, output->buffer, head);
        if (error != 0) return error;
        output->written += (long long)head;
        memmove(output->buffer, output->buffer + head, output->used - head);
        output->used -= head;
        if (set_direct(output, 1) != 0) output->may_go_direct = 0;
        if (output->used < capacity) return 0;
    }
    int error = write_blocks(output, output->used);
    output->used = 0;
    return error;
}

int coprod_output_write(coprod_output *output, const void *bytes, size_t count) {
    const unsigned char *next = bytes;
    /* Through the cache, a large piece is written as it is: gathering it first would copy it
       twice. Small ones (a line at a time) are gathered into large writes. */
    if (!output->direct && !direct_due(output) && count >= pass_through) {
        int error = write_all(output->fd, output->buffer, output->used);
        output->written += (long long)output->used;
        output->used = 0;
        if (error != 0) return error;
        output->written += (long long)count;
        return write_all(output->fd, next, count);
    }
    while (count > 0) {
        size_t room = capacity - output->used;
        size_t part = count < room ? count : room;
        memcpy(output->buffer + output->used, next, part);
        output->used += part;
        next += part;
        count -= part;
        if (output->used == capacity) {
            int error = write_full_buffer(output);
            if (error != 0) return error;
        }
    }
    return 0;
}

int coprod_output_close(coprod_output *output) {
    /* Whole blocks as before; the tail, shorter than a block, through the cache. */
    size_t blocks = output->direct ? output->used / alignment * alignment : output->used;
    int error = write_blocks(output, blocks);
    size_t tail = output->used - blocks;
    if (error == 0 && tail > 0) {
        error = set_direct(output, 0);
        if (error == 0) error = write_all(output->fd, output->buffer + blocks, tail);
    }
    if (close(output->fd) != 0 && error == 0) error = errno;
    free(output->buffer);
    free(output);
    return error;
}

int coprod_output_write_file(const char *path, const void *bytes, size_t count) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return errno;
    int error = write_all(fd, bytes, count);
    if (close(fd) != 0 && error == 0) error = errno;
    return error;
}
