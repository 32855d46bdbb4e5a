// Fast loading of generated rows, one table at a time: SQLite through one
// prepared INSERT in big transactions with the journal off for the load only,
// PostgreSQL through COPY. Before the load, secondary indexes (and on
// PostgreSQL foreign keys) are dropped; after it they are rebuilt in one sort
// each and the tables analysed, as a bulk import into a live system would do.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace stegvis::bench {

class BulkWriter {
 public:
  virtual ~BulkWriter() = default;
  // Drops what slows a load on the given tables; finish() puts it back.
  virtual void prepare(const std::vector<std::string>& tables) = 0;
  virtual void begin_table(const std::string& table, const std::vector<std::string>& columns) = 0;
  virtual void null() = 0;
  virtual void value(std::int64_t v) = 0;
  virtual void value(double v) = 0;
  virtual void value(std::string_view v) = 0;
  void value(const std::string& v) { value(std::string_view(v)); }
  void value(const char* v) { value(std::string_view(v)); }
  void value(int v) { value(static_cast<std::int64_t>(v)); }
  virtual void end_row() = 0;
  virtual void end_table() = 0;
  // Rebuilds indexes and constraints, sets identity sequences past the loaded ids, analyses.
  virtual void finish() = 0;
  std::int64_t rows() const { return rows_; }

 protected:
  std::int64_t rows_ = 0;
};

// url: "sqlite:PATH" or "postgresql://...". The schema must exist (migrated).
std::unique_ptr<BulkWriter> open_bulk_writer(const std::string& url);

}  // namespace stegvis::bench
