/*
 * malloc_trim(0) for the server: glibc keeps the pages of freed small allocations in its arenas (free
 * chunks between live ones are never given back by free()); malloc_trim returns every whole free page of
 * every arena to the kernel (madvise MADV_DONTNEED). Node has no binding for it, so this is one.
 * Elsewhere than glibc the function does nothing and says so (returns false).
 * Also mallopt(M_ARENA_MAX, n) for the worker pools (parallel/native.ts limitMallocArenas says why) and the
 * number of arenas (malloc_info's count, for its test).
 */
#include <node_api.h>
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#endif

static napi_value Trim(napi_env env, napi_callback_info info) {
  (void)info;
  int released = 0;
#if defined(__GLIBC__)
  released = malloc_trim(0);
#endif
  napi_value out;
  napi_get_boolean(env, released != 0, &out);
  return out;
}

/* mallopt(M_ARENA_MAX, n): at most n malloc arenas from now on (threads started later share them). */
static napi_value LimitArenas(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int32_t n = 0;
  int done = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc == 1 && napi_get_value_int32(env, argv[0], &n) == napi_ok && n >= 1) {
#if defined(__GLIBC__)
    done = mallopt(M_ARENA_MAX, n);
#endif
  }
  napi_value out;
  napi_get_boolean(env, done != 0, &out);
  return out;
}

/* The number of malloc arenas now (the <heap> elements of malloc_info's report); -1 where unknown. */
static napi_value ArenaCount(napi_env env, napi_callback_info info) {
  (void)info;
  int count = -1;
#if defined(__GLIBC__)
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (f != NULL) {
    int ok = malloc_info(0, f) == 0;
    fclose(f);
    if (ok && buf != NULL) {
      count = 0;
      for (const char *p = buf; (p = strstr(p, "<heap nr=")) != NULL; p++) count++;
    }
    free(buf);
  }
#endif
  napi_value out;
  napi_create_int32(env, count, &out);
  return out;
}

static napi_value Available(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value out;
#if defined(__GLIBC__)
  napi_get_boolean(env, 1, &out);
#else
  napi_get_boolean(env, 0, &out);
#endif
  return out;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
    { "trim", NULL, Trim, NULL, NULL, NULL, napi_default, NULL },
    { "available", NULL, Available, NULL, NULL, NULL, napi_default, NULL },
    { "limitArenas", NULL, LimitArenas, NULL, NULL, NULL, napi_default, NULL },
    { "arenaCount", NULL, ArenaCount, NULL, NULL, NULL, napi_default, NULL },
  };
  napi_define_properties(env, exports, 4, props);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
