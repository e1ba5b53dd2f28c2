// libedit (BSD licence) through its readline-compatible interface, for the REPL's line editing,
// history and Tab completion. The completion generator lives here because libedit calls it
// repeatedly with a state counter and frees what it returns.
#ifndef COPROD_CEDITLINE_SHIM_H
#define COPROD_CEDITLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <editline/readline.h>

/// The candidates of the completion in progress, set by the host before libedit asks for them.
static char **coprod_candidates = NULL;
static int coprod_candidate_count = 0;

static inline void coprod_completion_set(const char *const *candidates, int count) {
    for (int i = 0; i < coprod_candidate_count; i++) free(coprod_candidates[i]);
    free(coprod_candidates);
    coprod_candidates = count > 0 ? (char **)calloc((size_t)count, sizeof(char *)) : NULL;
    coprod_candidate_count = coprod_candidates ? count : 0;
    for (int i = 0; i < coprod_candidate_count; i++) coprod_candidates[i] = strdup(candidates[i]);
}

static inline char *coprod_completion_generator(const char *text, int state) {
    (void)text;
    return state < coprod_candidate_count ? strdup(coprod_candidates[state]) : NULL;
}

static inline char **coprod_completion_matches(const char *text) {
    rl_attempted_completion_over = 1;  // no file-name completion when nothing matches
    return rl_completion_matches(text, coprod_completion_generator);
}

/// libedit's globals, through functions: Swift 6 refuses to touch shared mutable C globals.
static inline const char *coprod_line_buffer(void) { return rl_line_buffer; }

static inline void coprod_set_completer(char **(*completer)(const char *, int, int)) {
    rl_readline_name = "coprod";
    rl_attempted_completion_function = completer;
    rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{(,+-*/%^#~[]";
    rl_completion_append_character = '\0';
}

#endif
