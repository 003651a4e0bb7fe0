/* --list-fields: the fields of filters and output formats. */
#ifndef FNET_REPLAY_OUTPUT_LIST_H
#define FNET_REPLAY_OUTPUT_LIST_H

#include <stdio.h>

/*
 * Writes the filter's field list (fnet_fields_list) followed by the fields only
 * output formats have (output_fields.h) that the filter's list lacks: in text as
 * one more field class; in JSON (`json`) as more objects of the same array.
 */
void output_list_fields(FILE *out, int json);

#endif
