#ifndef INTERVISION_CSWAP_H
#define INTERVISION_CSWAP_H
/* Atomically exchanges two paths (both must exist). Returns 0, or -1 with errno set
   (EINVAL/ENOSYS when the file system or kernel cannot exchange). */
int intervision_exchange(const char *a, const char *b);
#endif
