/*
 * malloc_trim(0) for the server: glibc keeps the pages of freed small allocations in its arenas (free
 * chunks between live ones are never given back by free()); malloc_trim returns every whole free page of
 * every arena to the kernel (madvise MADV_DONTNEED). Node has no binding for it, so this is one.
 * Elsewhere than glibc the function does nothing and says so (returns false).
 */
#include <node_api.h>
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
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
  };
  napi_define_properties(env, exports, 2, props);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
