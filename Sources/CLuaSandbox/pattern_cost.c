// A worst-case bound on the work of one Lua pattern search, computed before lstrlib runs it.
//
// lstrlib's matcher backtracks: each quantified item (`*`, `+`, `-`) may try every length up to
// the longest run of characters its class matches in the subject, and an unanchored search tries
// every start position. The product of those choices, times the pattern's length, bounds the
// steps. It is exact enough for the catastrophic cases (`.-.-.-b` against a long run of `a`)
// and small for ordinary ones (`(%w+)=(%w+)`, trimming), because runs of a class in real text
// are short.
#include <ctype.h>
#include <stddef.h>

#include "coprod_host.h"

#define ESCAPE '%'

/// Mirrors lstrlib's classes (%a, %d, %s, ...), which use the C library's <ctype.h>.
static int matches_class(int c, int class_letter) {
    int result;
    switch (tolower(class_letter)) {
    case 'a': result = isalpha(c); break;
    case 'c': result = iscntrl(c); break;
    case 'd': result = isdigit(c); break;
    case 'g': result = isgraph(c); break;
    case 'l': result = islower(c); break;
    case 'p': result = ispunct(c); break;
    case 's': result = isspace(c); break;
    case 'u': result = isupper(c); break;
    case 'w': result = isalnum(c); break;
    case 'x': result = isxdigit(c); break;
    default: return class_letter == c;
    }
    if (isupper(class_letter)) result = !result;
    return result != 0;
}

/// One past the end of the single-character class starting at p, or NULL if it is malformed.
static const char *class_end(const char *p, const char *end) {
    if (p >= end) return NULL;
    char c = *p++;
    if (c == ESCAPE) return p < end ? p + 1 : NULL;
    if (c != '[') return p;
    if (p < end && *p == '^') p++;
    do {  // the first ']' after '[' or '[^' is a literal
        if (p >= end) return NULL;
        c = *p++;
        if (c == ESCAPE) {
            if (p >= end) return NULL;
            p++;
        }
    } while (p >= end || *p != ']');
    return p + 1;
}

static int matches_set(int c, const char *p, const char *last) {
    // p points at '[', last at the closing ']'.
    int wanted = 1;
    p++;
    if (*p == '^') {
        wanted = 0;
        p++;
    }
    for (; p < last; p++) {
        if (*p == ESCAPE) {
            p++;
            if (matches_class(c, (unsigned char)*p)) return wanted;
        } else if (p + 2 < last && p[1] == '-') {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2]) return wanted;
            p += 2;
        } else if ((unsigned char)*p == c) {
            return wanted;
        }
    }
    return !wanted;
}

static int matches_single(int c, const char *p, const char *ep) {
    switch (*p) {
    case '.': return 1;
    case ESCAPE: return matches_class(c, (unsigned char)p[1]);
    case '[': return matches_set(c, p, ep - 1);
    default: return (unsigned char)*p == c;
    }
}

/// The longest run of subject characters that the class [p, ep) matches.
static size_t longest_run(const char *s, size_t length, const char *p, const char *ep) {
    if (*p == '.') return length;
    size_t best = 0, current = 0;
    for (size_t i = 0; i < length; i++) {
        if (matches_single((unsigned char)s[i], p, ep)) {
            if (++current > best) best = current;
        } else {
            current = 0;
        }
    }
    return best;
}

double coprod_pattern_cost(const char *subject, size_t subject_length, size_t init,
                           const char *pattern, size_t pattern_length, int anchored_allowed) {
    const char *s = subject + init;
    size_t n = subject_length - init;
    const char *p = pattern;
    const char *end = pattern + pattern_length;
    int anchored = 0;
    if (anchored_allowed && p < end && *p == '^') {
        anchored = 1;
        p++;
    }
    double product = 1.0;
    double items = 1.0;
    while (p < end) {
        char c = *p;
        if (c == '(' || c == ')') {
            p++;
            continue;
        }
        if (c == '$' && p + 1 == end) break;
        items += 1.0;
        if (c == ESCAPE && p + 1 < end && p[1] == 'b') {
            product *= (double)n + 1.0;  // matchbalance scans forward; no backtracking
            p += 4;
            continue;
        }
        if (c == ESCAPE && p + 1 < end && p[1] == 'f') {
            p += 2;
            const char *ep = class_end(p, end);
            if (ep == NULL) return product * items;  // malformed: lstrlib will say so
            p = ep;
            continue;
        }
        if (c == ESCAPE && p + 1 < end && isdigit((unsigned char)p[1])) {
            product *= (double)n + 1.0;  // a back reference compares up to a whole capture
            p += 2;
            continue;
        }
        const char *ep = class_end(p, end);
        if (ep == NULL) return product * items;
        if (ep < end && (*ep == '*' || *ep == '+' || *ep == '-')) {
            product *= (double)longest_run(s, n, p, ep) + 1.0;
            ep++;
        } else if (ep < end && *ep == '?') {
            product *= 2.0;
            ep++;
        }
        p = ep;
    }
    double starts = anchored ? 1.0 : (double)n + 1.0;
    return starts * product * items;
}
