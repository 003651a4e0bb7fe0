/* Hexadecimal digits, as the filter language, /proc files, URLs and regexes write them. */
#ifndef FNET_HEX_H
#define FNET_HEX_H

/* The value of hex digit `c` (0-9, a-f, A-F), or -1 when `c` is not one. */
static inline int fnet_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

#endif
