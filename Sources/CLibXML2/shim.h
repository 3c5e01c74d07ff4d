// Debian's libxml2 is built with ICU; its headers would then pull in the system ICU headers,
// which clash with the copy inside Foundation. Nothing here uses the ICU converter fields.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
