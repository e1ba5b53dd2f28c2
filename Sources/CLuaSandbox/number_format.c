// Lua's own number formatting, so the host writes floats exactly as `tostring` would, and the
// default output stream.
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

void coprod_stdout_write(const void *bytes, size_t length) { fwrite(bytes, 1, length, stdout); }

void coprod_stdout_flush(void) { fflush(stdout); }
