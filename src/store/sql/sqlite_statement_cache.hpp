// SOCI prepares every statement afresh and finalizes it after use; on SQLite
// the parse and plan of each statement cost about a sixth of a typical
// request. This SOCI backend is SOCI's own SQLite backend with one change: a
// finished statement is reset and kept on its connection, and the next
// prepare of the same text on that connection takes it instead of parsing.
#pragma once
#include <soci/soci-backend.h>

namespace stegvis::store::sql {

// Pass to soci::session::open instead of soci::sqlite3.
const soci::backend_factory& cached_sqlite3();

}  // namespace stegvis::store::sql
