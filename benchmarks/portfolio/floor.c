/*
 * The floor of the portfolio benchmark: libyaml's own event parser over the same policy files,
 * with nothing built. For each file: read it whole, run yaml_parser_parse until
 * YAML_STREAM_END_EVENT, delete each event. No tree, no model, no rules, no output but a count.
 *
 *     cc -O2 -o floor floor.c -lyaml
 *     ./floor PATH ...        files, or folders walked recursively for *.yaml and *.yml
 *
 * Prints one line to standard output: files, bytes, events. Exit 2 on a file it cannot read
 * or parse (the benchmark's inputs are all valid YAML, so that is a broken benchmark).
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

static unsigned long files_seen, bytes_seen, events_seen;
static int failed;

static int has_yaml_suffix(const char *path) {
    size_t n = strlen(path);
    return (n > 5 && strcmp(path + n - 5, ".yaml") == 0) || (n > 4 && strcmp(path + n - 4, ".yml") == 0);
}

static void parse_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); failed = 1; return; }
    if (fseek(file, 0, SEEK_END) != 0) { perror(path); fclose(file); failed = 1; return; }
    long size = ftell(file);
    rewind(file);
    unsigned char *data = malloc(size > 0 ? (size_t)size : 1);
    if (!data || fread(data, 1, (size_t)size, file) != (size_t)size) {
        fprintf(stderr, "%s: cannot read\n", path);
        fclose(file); free(data); failed = 1; return;
    }
    fclose(file);

    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, data, (size_t)size);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%lu:%lu: error: %s\n", path, (unsigned long)parser.problem_mark.line + 1,
                    (unsigned long)parser.problem_mark.column + 1, parser.problem ? parser.problem : "parse error");
            failed = 1;
            break;
        }
        events_seen++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    free(data);
    files_seen++;
    bytes_seen += (unsigned long)size;
}

static int visit(const char *path, const struct stat *info, int type, struct FTW *ftw) {
    (void)info; (void)ftw;
    if (type == FTW_F && has_yaml_suffix(path)) parse_file(path);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s PATH ...\n", argv[0]);
        return 64;
    }
    for (int i = 1; i < argc; i++) {
        struct stat info;
        if (stat(argv[i], &info) != 0) { perror(argv[i]); return 2; }
        if (S_ISDIR(info.st_mode)) {
            if (nftw(argv[i], visit, 32, FTW_PHYS) != 0) { perror(argv[i]); return 2; }
        } else {
            parse_file(argv[i]);
        }
    }
    printf("files=%lu bytes=%lu events=%lu\n", files_seen, bytes_seen, events_seen);
    return failed ? 2 : 0;
}
