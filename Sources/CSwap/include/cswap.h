#ifndef INTERVISION_CSWAP_H
#define INTERVISION_CSWAP_H
/* Atomically exchanges two paths (both must exist). Returns 0, or -1 with errno set
   (EINVAL/ENOSYS when the file system or kernel cannot exchange). */
int intervision_exchange(const char *a, const char *b);
/* Flushes the file system holding `path` to disk (syncfs on Linux), so a staged folder's files are durable
   before it is exchanged into place: one call instead of one fsync per file. Returns 0, or -1 with errno. */
int intervision_sync_folder(const char *path);
#endif
