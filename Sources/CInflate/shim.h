// zlib's inflate, for reading workbook parts with a bound on input and output (see Spreadsheet/Inflate.swift).
#include <zlib.h>
