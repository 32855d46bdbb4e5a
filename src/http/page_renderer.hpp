// Renders HTML pages from the mustache templates in web/templates with the
// Swedish (or English) text catalogue of web/i18n. C++ builds a view model as
// JSON; the markup lives in the templates.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include <map>
#include <memory>
#include <string>

#include "http/request.hpp"

namespace stegvis::http {

class PageRenderer {
 public:
  // Reads every template and catalogue at start; throws when one is missing.
  explicit PageRenderer(const std::string& web_dir);
  ~PageRenderer();

  // view_json is a JSON object (as text, to keep the JSON library out of this header).
  Response render(const Request& req, const std::string& page, const std::string& view_json, int status = 200);
  // The same from the view itself, without printing and parsing it again.
  Response render_json(const Request& req, const std::string& page, nlohmann::json view, int status = 200);
  // A piece of a page for an htmx swap: no layout around it.
  Response render_fragment(const Request& req, const std::string& name, const std::string& view_json);
  Response error_page(const Request& req, int status, const std::string& message);
  std::string lang(const Request& req) const;
  std::string text(const Request& req, const std::string& key) const;
  const std::string& web_dir() const { return web_dir_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string web_dir_;
};

}  // namespace stegvis::http
