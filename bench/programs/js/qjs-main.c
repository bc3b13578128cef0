/* A minimal QuickJS command for the benchmarks: qjs FILE.js [ARGS...] evaluates FILE.js as a script with
 * print(...) and console.log(...) writing to stdout and scriptArgs holding ARGS. Built against QuickJS's
 * engine sources (Debian's quickjs package) by bench/programs/build.sh; quickjs-libc is not used, so the
 * program needs only WASI preview 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "quickjs.h"

static JSValue print(JSContext *ctx, JSValueConst self, int argc, JSValueConst *argv) {
    for (int i = 0; i < argc; i++) {
        const char *s = JS_ToCString(ctx, argv[i]);
        if (!s) {
            return JS_EXCEPTION;
        }
        fputs(s, stdout);
        fputc(i + 1 < argc ? ' ' : '\n', stdout);
        JS_FreeCString(ctx, s);
    }
    if (argc == 0) {
        fputc('\n', stdout);
    }
    return JS_UNDEFINED;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap + 1);
        }
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

static void report(JSContext *ctx) {
    JSValue e = JS_GetException(ctx);
    const char *s = JS_ToCString(ctx, e);
    fprintf(stderr, "error: %s\n", s ? s : "?");
    JS_FreeCString(ctx, s);
    JSValue stack = JS_GetPropertyStr(ctx, e, "stack");
    if (!JS_IsUndefined(stack)) {
        const char *t = JS_ToCString(ctx, stack);
        fprintf(stderr, "%s", t ? t : "");
        JS_FreeCString(ctx, t);
    }
    JS_FreeValue(ctx, stack);
    JS_FreeValue(ctx, e);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE.js [ARGS...]\n", argv[0]);
        return 2;
    }
    size_t len;
    char *src = read_file(argv[1], &len);
    if (!src) {
        fprintf(stderr, "%s: cannot read %s\n", argv[0], argv[1]);
        return 1;
    }
    JSRuntime *rt = JS_NewRuntime();
    JSContext *ctx = JS_NewContext(rt);
    JSValue global = JS_GetGlobalObject(ctx);
    JS_SetPropertyStr(ctx, global, "print", JS_NewCFunction(ctx, print, "print", 1));
    JSValue console = JS_NewObject(ctx);
    JS_SetPropertyStr(ctx, console, "log", JS_NewCFunction(ctx, print, "log", 1));
    JS_SetPropertyStr(ctx, global, "console", console);
    JSValue args = JS_NewArray(ctx);
    for (int i = 2; i < argc; i++) {
        JS_SetPropertyUint32(ctx, args, i - 2, JS_NewString(ctx, argv[i]));
    }
    JS_SetPropertyStr(ctx, global, "scriptArgs", args);
    JS_FreeValue(ctx, global);
    JSValue r = JS_Eval(ctx, src, len, argv[1], JS_EVAL_TYPE_GLOBAL);
    int status = 0;
    if (JS_IsException(r)) {
        report(ctx);
        status = 1;
    }
    JS_FreeValue(ctx, r);
    fflush(stdout);
    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    free(src);
    return status;
}
