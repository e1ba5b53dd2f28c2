// Lua's own number formatting, so the host writes floats exactly as `tostring` would, and the
// default output stream.
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "coprod_host.h"
#include "lua.h"

int coprod_format_number(double value, char *buffer, size_t size) {
    int length = snprintf(buffer, size, LUA_NUMBER_FMT, (LUAI_UACNUMBER)value);
    if (length < 0 || (size_t)length >= size) return length;
    // Lua's tostringbuff: a float that looks like an integer gets ".0".
    if (buffer[strspn(buffer, "-0123456789")] == '\0' && (size_t)length + 2 < size) {
        buffer[length++] = '.';
        buffer[length++] = '0';
        buffer[length] = '\0';
    }
    return length;
}

// The errno of the first failed write to stdout; stdout is written from one thread at a time.
static int stdout_error;

void coprod_stdout_write(const void *bytes, size_t length) {
    if (fwrite(bytes, 1, length, stdout) < length && stdout_error == 0) stdout_error = errno != 0 ? errno : EIO;
}

int coprod_stdout_flush(void) {
    if (fflush(stdout) != 0 && stdout_error == 0) stdout_error = errno != 0 ? errno : EIO;
    return stdout_error;
}

int coprod_stdout_failed(void) { return stdout_error != 0 || ferror(stdout); }
