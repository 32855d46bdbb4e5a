#include "http/page_renderer.hpp"

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "app/access.hpp"
#include "app/money_service.hpp"
#include "app/report_service.hpp"

namespace stegvis::http {
namespace fs = std::filesystem;
using nlohmann::json;
namespace mus = kainjow::mustache;

struct PageRenderer::Impl {
  std::map<std::string, std::string> templates;  // name → text
  std::map<std::string, json> catalogues;        // "sv", "en" → flat key → text
  // Per language, what every page sees beneath its own view: the catalogue as "t", converted
  // once and shared (copying a few hundred texts into each page's data was most of its cost).
  std::map<std::string, mus::data> base_data;
  std::uint64_t generation = 0;  // tells this renderer's parsed templates from an earlier one's
};

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

mus::data leaf(const json& j) {
  switch (j.type()) {
    case json::value_t::object: return mus::data{mus::data::type::object};
    case json::value_t::array: return mus::data{mus::data::type::list};
    case json::value_t::string: return mus::data(j.get<std::string>());
    case json::value_t::boolean: return j.get<bool>() ? mus::data(mus::data::type::bool_true)
                                                      : mus::data(mus::data::type::bool_false);
    case json::value_t::null: return mus::data(mus::data::type::bool_false);
    case json::value_t::number_float: {
      std::ostringstream ss;
      ss << j.get<double>();
      return mus::data(ss.str());
    }
    default: return mus::data(j.dump());
  }
}

// The library's set() and push_back() copy what they are given, so converting bottom-up
// copied every subtree once per level; here each child is put in place empty and then filled.
// (The const_cast is sound: the child lives in `d`, which is not const.)
void fill(mus::data& d, const json& j) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      d.set(k, leaf(v));
      if (v.is_object() || v.is_array()) fill(*const_cast<mus::data*>(d.get(k)), v);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) {
      d.push_back(leaf(v));
      if (v.is_object() || v.is_array()) fill(const_cast<mus::list&>(d.list_value()).back(), v);
    }
  }
}

mus::data to_data(const json& j) {
  mus::data d = leaf(j);
  fill(d, j);
  return d;
}

// Parsed templates, one set per thread: render() is not const, and parsing a
// template on every request cost more than rendering it.
mus::mustache& parsed(std::uint64_t generation, const std::string& name, const std::string& text) {
  thread_local std::map<std::pair<std::uint64_t, std::string>, std::unique_ptr<mus::mustache>> cache;
  auto& slot = cache[{generation, name}];
  if (!slot) {
    slot = std::make_unique<mus::mustache>(text);
    if (!slot->is_valid()) {
      std::string error = slot->error_message();
      slot.reset();
      throw std::runtime_error("template error in " + name + ": " + error);
    }
  }
  return *slot;
}

// Templates whose names start with "_" are partials, usable as {{> _name}} in any template.
// They are put in place once at start: the library parses a partial anew each time it is met.
std::string expand_partials(const std::string& text, const std::map<std::string, std::string>& templates,
                            int depth = 0) {
  if (depth > 8) throw std::runtime_error("partials nested too deep (a partial includes itself?)");
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    std::size_t open = text.find("{{>", pos);
    if (open == std::string::npos) break;
    std::size_t close = text.find("}}", open);
    if (close == std::string::npos) break;
    std::string name = text.substr(open + 3, close - open - 3);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    auto it = templates.find(name);
    if (it == templates.end()) throw std::runtime_error("no partial " + name);
    out += text.substr(pos, open - pos);
    out += expand_partials(it->second, templates, depth + 1);
    pos = close + 2;
  }
  return out + text.substr(pos);
}

// The page's own view on top of the language's shared data: no copy of the catalogue.
std::string render_with(mus::mustache& tmpl, const mus::data& base, const mus::data& data) {
  mus::context<std::string> ctx(&base);
  ctx.push(&data);
  std::ostringstream out;
  tmpl.render(ctx, out);
  return out.str();
}

}  // namespace

PageRenderer::PageRenderer(const std::string& web_dir) : impl_(std::make_unique<Impl>()), web_dir_(web_dir) {
  fs::path dir = fs::path(web_dir) / "templates";
  if (!fs::is_directory(dir)) throw std::runtime_error("no templates in " + dir.string() + " (set --web-dir)");
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".mustache") impl_->templates[e.path().stem().string()] = read_file(e.path());
  std::map<std::string, std::string> expanded;
  for (const auto& [name, text] : impl_->templates) expanded[name] = expand_partials(text, impl_->templates);
  impl_->templates = std::move(expanded);
  json sv = json::parse(read_file(fs::path(web_dir) / "i18n" / "sv.json"));
  json en = sv;  // English falls back to Swedish for any missing text
  en.update(json::parse(read_file(fs::path(web_dir) / "i18n" / "en.json")));
  impl_->catalogues["sv"] = sv;
  impl_->catalogues["en"] = en;
  for (const auto& [l, cat] : impl_->catalogues) {
    mus::data base{mus::data::type::object};
    base.set("t", to_data(cat));
    impl_->base_data.emplace(l, std::move(base));
  }
  static std::atomic<std::uint64_t> generations{0};
  impl_->generation = ++generations;
}

PageRenderer::~PageRenderer() = default;

std::string PageRenderer::lang(const Request& req) const {
  auto it = req.cookies.find("lang");
  return it != req.cookies.end() && it->second == "en" ? "en" : "sv";
}

std::string PageRenderer::text(const Request& req, const std::string& key) const {
  const auto& cat = impl_->catalogues.at(lang(req));
  auto it = cat.find(key);
  return it == cat.end() ? key : it->get<std::string>();
}

Response PageRenderer::render(const Request& req, const std::string& page, const std::string& view_json, int status) {
  return render_json(req, page, json::parse(view_json), status);
}

Response PageRenderer::render_json(const Request& req, const std::string& page, json view, int status) {
  auto it = impl_->templates.find(page);
  if (it == impl_->templates.end()) throw std::runtime_error("no template " + page);
  const std::string l = lang(req);
  view["lang"] = l;
  view["lang_" + l] = true;
  view["path"] = req.path;
  if (req.actor) {
    const auto& a = *req.actor;
    json roles = json::array();
    for (const auto& r : a.roles) roles.push_back(impl_->catalogues.at(l).value("role_" + std::string(to_code(r.role)), ""));
    view["user"] = {{"name", a.name}, {"username", a.username}, {"roles", roles}};
    view["csrf_token"] = req.csrf_token;
    view["nav"] = {
        {"admin", app::allowed(a, app::Permission::manage_staff)},
        {"audit", app::allowed(a, app::Permission::view_audit)},
        {"report", app::ReportService::may_view_reports_somewhere(a)},
        {"dashboard", app::ReportService::may_view_dashboard(a)},
        {"money", app::MoneyService::may_view_somewhere(a)},
        {"quest", std::any_of(a.roles.begin(), a.roles.end(),
                              [](const RoleAssignment& r) { return r.role != Role::administrator; })},
    };
    // The participant path's entry points: the first coordinated unit's lists, and one's own caseload.
    json links = json::array();
    const auto& cat = impl_->catalogues.at(l);
    for (const auto& r : a.roles) {
      if (r.role != Role::samordnare || !r.unit_id) continue;
      std::string id = std::to_string(*r.unit_id);
      links.push_back({{"href", "/units/" + id + "/referrals"}, {"label", cat.value("ref_list_title", "")}});
      links.push_back({{"href", "/units/" + id + "/allocation"}, {"label", cat.value("alloc_title", "")}});
      links.push_back({{"href", "/enrolments?unit=" + id}, {"label", cat.value("enr_list_unit", "")}});
      break;
    }
    if (a.has_role(Role::coach) || a.has_role(Role::koordinator))
      links.push_back({{"href", "/enrolments"}, {"label", cat.value("enr_list_mine", "")}});
    view["participant_nav"] = links;
  }
  // One view for the page and its layout: the layout sees the same values plus the rendered content.
  mus::data data = to_data(view);
  const mus::data& base = impl_->base_data.at(l);
  std::string content = render_with(parsed(impl_->generation, page, it->second), base, data);
  data.set("content", std::move(content));
  const std::string& layout = impl_->templates.at("layout");
  return Response::html(render_with(parsed(impl_->generation, "layout", layout), base, data), status);
}

Response PageRenderer::render_fragment(const Request& req, const std::string& name, const std::string& view_json) {
  auto it = impl_->templates.find(name);
  if (it == impl_->templates.end()) throw std::runtime_error("no template " + name);
  json view = json::parse(view_json);
  view["csrf_token"] = req.csrf_token;
  mus::data data = to_data(view);
  return Response::html(render_with(parsed(impl_->generation, name, it->second), impl_->base_data.at(lang(req)), data));
}

Response PageRenderer::error_page(const Request& req, int status, const std::string& message) {
  json view{{"status", status}, {"message", message}, {"title", text(req, "error_title")}};
  return render(req, "error", view.dump(), status);
}

}  // namespace stegvis::http
