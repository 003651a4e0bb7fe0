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

/*
 * -L: the event types of the schema, one a line as sysdig -L prints them:
 * "> open(FSPATH name, FLAGS32 flags, UINT32 mode)" ('>' enter, '<' exit),
 * leaving out unused slots, old versions and internal events.
 */
void output_list_events(FILE *out);

#endif
