#define _GNU_SOURCE
#include "coprod_output.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__x86_64__)
#include <emmintrin.h>
#endif
#ifdef __linux__
#include <sys/vfs.h>
#endif

/* Direct writes need the buffer's address, its length and the file offset to be multiples of
   the device's block size; 4096 covers the devices in use, and a device that wants more makes
   the first direct write fail with EINVAL, after which the file goes through the cache. Every
   buffer handed to the writing thread is full, so every offset it writes at is a multiple of
   `capacity`. */
enum { alignment = 4096, capacity = 4 << 20, buffer_count = 3 };

struct coprod_output {
    int fd;
    long long cached_bytes;

    /* The caller's side: the buffer being filled. */
    unsigned char *current;
    size_t used;
    long long handed_over;
    /* Whether copies past the cached part skip the CPU's caches (as `may_go_direct` was at the
       start: the writing thread may clear that one as it goes). */
    int streams;

    /* The writing thread's side. Whether full blocks may skip the cache: on local disk file
       systems only, since on a network share each direct write would wait for the server. */
    int may_go_direct;
    int direct;
    long long written;

    /* Shared, under `lock`: full buffers waiting to be written, in order, and empty ones. */
    pthread_mutex_t lock;
    pthread_cond_t changed;
    unsigned char *full[buffer_count];
    int first_full, full_count;
    unsigned char *empty[buffer_count];
    int empty_count;
    int closing;
    int error;
    pthread_t thread;
};

/* Copies into a buffer that will be written direct without keeping the copy in the CPU's
   caches: the disk reads it from memory, and a copy that went through the cache would push out
   the data of the thread that made the lines, which goes on evaluating. */
static void copy_past_cache(unsigned char *to, const unsigned char *from, size_t count) {
#if defined(__x86_64__)
    while (count > 0 && ((uintptr_t)to & 15) != 0) {
        *to++ = *from++;
        count--;
    }
    for (; count >= 64; count -= 64, to += 64, from += 64) {
        __m128i a = _mm_loadu_si128((const __m128i *)from);
        __m128i b = _mm_loadu_si128((const __m128i *)(from + 16));
        __m128i c = _mm_loadu_si128((const __m128i *)(from + 32));
        __m128i d = _mm_loadu_si128((const __m128i *)(from + 48));
        _mm_stream_si128((__m128i *)to, a);
        _mm_stream_si128((__m128i *)(to + 16), b);
        _mm_stream_si128((__m128i *)(to + 32), c);
        _mm_stream_si128((__m128i *)(to + 48), d);
    }
    /* Streamed stores are not ordered with others: they are done before the buffer is handed on. */
    _mm_sfence();
#endif
    memcpy(to, from, count);
}

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

/* Writes one full buffer, on the writing thread: through the cache for the file's first
   `cached_bytes`, then direct where the file system allows it. */
static int write_buffer(coprod_output *output, const unsigned char *buffer) {
    if (!output->direct && output->may_go_direct && output->written >= output->cached_bytes) {
        if (set_direct(output, 1) != 0) output->may_go_direct = 0;
    }
    output->written += capacity;
    if (!output->direct) return write_all(output->fd, buffer, capacity);
    ssize_t written;
    do {
        written = write(output->fd, buffer, capacity);
    } while (written < 0 && errno == EINTR);
    if (written == (ssize_t)capacity) return 0;
    if (written < 0 && errno != EINVAL) return errno;
    /* Refused (the device wants another alignment) or cut short: the rest of the file goes
       through the cache. */
    size_t done = written < 0 ? 0 : (size_t)written;
    output->may_go_direct = 0;
    int error = set_direct(output, 0);
    return error != 0 ? error : write_all(output->fd, buffer + done, capacity - done);
}

/* The writing thread: full buffers in the order they came, until the file is closed. A direct
   write waits for the disk, which the thread that made the lines need not do. */
static void *write_buffers(void *argument) {
    coprod_output *output = argument;
    pthread_mutex_lock(&output->lock);
    for (;;) {
        while (output->full_count == 0 && !output->closing) pthread_cond_wait(&output->changed, &output->lock);
        if (output->full_count == 0) break;
        unsigned char *buffer = output->full[output->first_full];
        int failed = output->error != 0;
        pthread_mutex_unlock(&output->lock);
        int error = failed ? 0 : write_buffer(output, buffer);
        pthread_mutex_lock(&output->lock);
        output->first_full = (output->first_full + 1) % buffer_count;
        output->full_count--;
        output->empty[output->empty_count++] = buffer;
        if (error != 0 && output->error == 0) output->error = error;
        pthread_cond_broadcast(&output->changed);
    }
    pthread_mutex_unlock(&output->lock);
    return NULL;
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

static void free_output(coprod_output *output) {
    free(output->current);
    for (int index = 0; index < output->empty_count; index++) free(output->empty[index]);
    free(output);
}

coprod_output *coprod_output_open(const char *path, long long cached_bytes, int *error) {
    coprod_output *output = calloc(1, sizeof *output);
    if (output == NULL) {
        *error = ENOMEM;
        return NULL;
    }
    if (posix_memalign((void **)&output->current, alignment, capacity) != 0) output->current = NULL;
    for (int index = 0; index < buffer_count - 1 && output->current != NULL; index++) {
        void *buffer;
        if (posix_memalign(&buffer, alignment, capacity) != 0) break;
        output->empty[output->empty_count++] = buffer;
    }
    if (output->current == NULL || output->empty_count < buffer_count - 1) {
        free_output(output);
        *error = ENOMEM;
        return NULL;
    }
    output->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (output->fd < 0) {
        *error = errno;
        free_output(output);
        return NULL;
    }
    output->may_go_direct = local_disk(output->fd);
    output->streams = output->may_go_direct;
    output->cached_bytes = cached_bytes;
    pthread_mutex_init(&output->lock, NULL);
    pthread_cond_init(&output->changed, NULL);
    int failed = pthread_create(&output->thread, NULL, write_buffers, output);
    if (failed != 0) {
        close(output->fd);
        pthread_cond_destroy(&output->changed);
        pthread_mutex_destroy(&output->lock);
        free_output(output);
        *error = failed;
        return NULL;
    }
    return output;
}

/* Hands the full buffer to the writing thread and takes an empty one, waiting for one if the
   disk is behind. Returns an error the writing thread met, if any. */
static int hand_over(coprod_output *output) {
    pthread_mutex_lock(&output->lock);
    output->full[(output->first_full + output->full_count) % buffer_count] = output->current;
    output->full_count++;
    pthread_cond_broadcast(&output->changed);
    while (output->empty_count == 0) pthread_cond_wait(&output->changed, &output->lock);
    output->current = output->empty[--output->empty_count];
    int error = output->error;
    pthread_mutex_unlock(&output->lock);
    output->used = 0;
    output->handed_over += capacity;
    return error;
}

int coprod_output_write(coprod_output *output, const void *bytes, size_t count) {
    const unsigned char *next = bytes;
    /* Past the cached part, the buffer goes to the disk, not to the cache: the copy skips the
       CPU's caches too. */
    int streamed = output->streams && output->handed_over >= output->cached_bytes;
    while (count > 0) {
        size_t room = capacity - output->used;
        size_t part = count < room ? count : room;
        if (streamed) copy_past_cache(output->current + output->used, next, part);
        else memcpy(output->current + output->used, next, part);
        output->used += part;
        next += part;
        count -= part;
        if (output->used == capacity) {
            int error = hand_over(output);
            if (error != 0) return error;
        }
    }
    return 0;
}

int coprod_output_close(coprod_output *output) {
    pthread_mutex_lock(&output->lock);
    output->closing = 1;
    pthread_cond_broadcast(&output->changed);
    pthread_mutex_unlock(&output->lock);
    pthread_join(output->thread, NULL);
    int error = output->error;
    /* The last, part-filled buffer, through the cache (its length is not a whole block). */
    if (error == 0 && output->used > 0) {
        if (output->direct) error = set_direct(output, 0);
        if (error == 0) error = write_all(output->fd, output->current, output->used);
    }
    if (close(output->fd) != 0 && error == 0) error = errno;
    pthread_cond_destroy(&output->changed);
    pthread_mutex_destroy(&output->lock);
    free_output(output);
    return error;
}

int coprod_output_write_file(const char *path, const void *bytes, size_t count) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return errno;
    int error = write_all(fd, bytes, count);
    if (close(fd) != 0 && error == 0) error = errno;
    return error;
}
