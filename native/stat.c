// Stat many files in one call. Checking 100,000 files against the index is mostly stat-ing
// them, and from JavaScript each fs.lstatSync costs about twice the system call itself
// (a Stats object, its dates, the path made again for every call). Here the files of one
// folder are looked up from that folder's descriptor (fstatat), so the kernel walks each
// folder's path once, not once for every file in it.
//
// statJoined(prefix, paths, out, follow, counter, chunk): `paths` is a Buffer of UTF-8 paths
// with a NUL between them; path i is the file at prefix + path. Writes its size, mtimeMs and
// ctimeMs at out[i * 3 ...], as Node's fs.Stats gives them; -1, -1, -1 for a file that is not
// there (ENOENT, as Node's throwIfNoEntry: false); NaN for any other error, so
// that the caller stats that file again the plain way and gets Node's own error for it.
// `follow` follows a link as stat does; otherwise it is lstat. With `counter` (an Int32Array
// on shared memory), the paths are taken `chunk` at a time from counter[0], which other
// threads advance too (as Atomics.add does); without it, every path is done here.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <node_api.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static double ms(struct timespec t) {
  // As Node computes mtimeMs: seconds * 1000 + nanoseconds / 1e6, in doubles.
  return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static void put(double *slot, double a, double b, double c) {
  slot[0] = a;
  slot[1] = b;
  slot[2] = c;
}

/** The folder descriptor held while consecutive paths share their folder. */
struct folder {
  const char *dir;  // points into the paths buffer
  size_t length;
  int fd;
  int error;
};

static void stat_one(int base, const char *prefix, size_t prefix_length, char **whole, size_t *whole_size,
                     struct folder *held, const char *path, size_t n, int flags, double *slot) {
  struct stat st;
  int rc;
  if (base < 0) {
    // No descriptor for the prefix: the whole path, as fs.lstatSync would give it.
    if (prefix_length + n + 1 > *whole_size) {
      *whole_size = (prefix_length + n + 1) * 2;
      *whole = realloc(*whole, *whole_size);
    }
    memcpy(*whole, prefix, prefix_length);
    memcpy(*whole + prefix_length, path, n);
    (*whole)[prefix_length + n] = '\0';
    rc = fstatat(AT_FDCWD, *whole, &st, flags);
  } else {
    const char *slash = memrchr(path, '/', n);
    size_t d = slash ? (size_t)(slash - path) : 0;
    if (held->dir == NULL || d != held->length || memcmp(held->dir, path, d) != 0) {
      if (held->fd >= 0) close(held->fd);
      held->dir = path;
      held->length = d;
      if (d == 0) held->fd = dup(base);
      else {
        char *dir = malloc(d + 1);
        memcpy(dir, path, d);
        dir[d] = '\0';
        held->fd = openat(base, dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
        free(dir);
      }
      held->error = held->fd < 0 ? errno : 0;
    }
    if (held->fd < 0) {
      rc = -1;
      errno = held->error;
    } else {
      size_t name_length = n - (slash ? d + 1 : 0);
      char name[NAME_MAX + 2];
      if (name_length > NAME_MAX) {
        rc = -1;
        errno = ENAMETOOLONG;
      } else {
        memcpy(name, slash ? slash + 1 : path, name_length);
        name[name_length] = '\0';
        rc = fstatat(held->fd, name, &st, flags);
      }
    }
  }
  if (rc == 0) put(slot, (double)st.st_size, ms(st.st_mtim), ms(st.st_ctim));
  else if (errno == ENOENT) put(slot, -1, -1, -1);
  else put(slot, NAN, NAN, NAN);
}

#define CHECK(call)                                           \
  do {                                                        \
    if ((call) != napi_ok) {                                  \
      napi_throw_error(env, NULL, "statJoined: bad arguments"); \
      return NULL;                                            \
    }                                                         \
  } while (0)

static napi_value stat_joined(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 4) {
    napi_throw_error(env, NULL, "statJoined: at least four arguments");
    return NULL;
  }
  size_t prefix_length = 0;
  CHECK(napi_get_value_string_utf8(env, argv[0], NULL, 0, &prefix_length));
  char *prefix = malloc(prefix_length + 1);
  CHECK(napi_get_value_string_utf8(env, argv[0], prefix, prefix_length + 1, &prefix_length));
  char *paths = NULL;
  size_t paths_length = 0;
  CHECK(napi_get_buffer_info(env, argv[1], (void **)&paths, &paths_length));
  napi_typedarray_type type;
  size_t out_length = 0;
  void *data = NULL;
  CHECK(napi_get_typedarray_info(env, argv[2], &type, &out_length, &data, NULL, NULL));
  bool follow = false;
  CHECK(napi_get_value_bool(env, argv[3], &follow));
  int32_t *counter = NULL;
  uint32_t chunk = 0;
  napi_valuetype kind = napi_undefined;
  if (argc >= 6) CHECK(napi_typeof(env, argv[4], &kind));
  if (kind == napi_object) {
    napi_typedarray_type counter_type;
    size_t counter_length = 0;
    void *counter_data = NULL;
    CHECK(napi_get_typedarray_info(env, argv[4], &counter_type, &counter_length, &counter_data, NULL, NULL));
    CHECK(napi_get_value_uint32(env, argv[5], &chunk));
    if (counter_type != napi_int32_array || counter_length < 1 || chunk == 0) {
      free(prefix);
      napi_throw_range_error(env, NULL, "statJoined: the counter is an Int32Array, the chunk above 0");
      return NULL;
    }
    counter = counter_data;
  }
  // Where each path starts: one pass over the buffer.
  size_t count = paths_length == 0 ? 0 : 1;
  for (const char *p = paths; (p = memchr(p, '\0', paths_length - (size_t)(p - paths))) != NULL; p++) count++;
  if (type != napi_float64_array || out_length != count * 3) {
    free(prefix);
    napi_throw_range_error(env, NULL, "statJoined: out must hold three numbers a path");
    return NULL;
  }
  const char **starts = malloc((count + 1) * sizeof *starts);
  size_t k = 0;
  if (count > 0) {
    starts[k++] = paths;
    for (const char *p = paths; (p = memchr(p, '\0', paths_length - (size_t)(p - paths))) != NULL; p++) starts[k++] = p + 1;
  }
  starts[count] = paths + paths_length + 1;  // as if a NUL followed the last path
  double *out = data;
  int base = -1;
  if (prefix_length > 0 && prefix[prefix_length - 1] == '/') base = open(prefix, O_PATH | O_DIRECTORY | O_CLOEXEC);
  struct folder held = {NULL, 0, -1, 0};
  char *whole = NULL;
  size_t whole_size = 0;
  const int flags = follow ? 0 : AT_SYMLINK_NOFOLLOW;
  for (;;) {
    size_t from = 0, to = count;
    if (counter) {
      // The same operation as Atomics.add on the shared counter.
      from = (size_t)__atomic_fetch_add(counter, 1, __ATOMIC_SEQ_CST) * chunk;
      if (from >= count) break;
      to = from + chunk < count ? from + chunk : count;
    }
    for (size_t i = from; i < to; i++) {
      stat_one(base, prefix, prefix_length, &whole, &whole_size, &held, starts[i], (size_t)(starts[i + 1] - starts[i] - 1),
               flags, out + i * 3);
    }
    if (!counter) break;
  }
  if (held.fd >= 0) close(held.fd);
  if (base >= 0) close(base);
  free(whole);
  free(starts);
  free(prefix);
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  if (napi_create_function(env, "statJoined", NAPI_AUTO_LENGTH, stat_joined, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "statJoined", fn) != napi_ok) return NULL;
  return exports;
}
