#include "http/page_renderer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "app/access.hpp"
#include "app/money_service.hpp"
#include "app/report_service.hpp"
#include "http/template.hpp"

namespace stegvis::http {
namespace fs = std::filesystem;
using nlohmann::json;

struct PageRenderer::Impl {
  std::map<std::string, Template> templates;  // name → parsed once, partials in place
  std::map<std::string, json> catalogues;     // "sv", "en" → flat key → text
  // Per language, what every page sees beneath its own view: the catalogue as "t".
  std::map<std::string, json> base;
};

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Templates whose names start with "_" are partials, usable as {{> _name}} in any template.
// They are put in place once at start, so each page is parsed whole, once.
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

}  // namespace

PageRenderer::PageRenderer(const std::string& web_dir) : impl_(std::make_unique<Impl>()), web_dir_(web_dir) {
  fs::path dir = fs::path(web_dir) / "templates";
  if (!fs::is_directory(dir)) throw std::runtime_error("no templates in " + dir.string() + " (set --web-dir)");
  std::map<std::string, std::string> texts;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".mustache") texts[e.path().stem().string()] = read_file(e.path());
  for (const auto& [name, text] : texts) {
    try {
      impl_->templates.emplace(name, Template(expand_partials(text, texts)));
    } catch (const std::exception& e) {
      throw std::runtime_error("template error in " + name + ": " + e.what());
    }
  }
  json sv = json::parse(read_file(fs::path(web_dir) / "i18n" / "sv.json"));
  json en = sv;  // English falls back to Swedish for any missing text
  en.update(json::parse(read_file(fs::path(web_dir) / "i18n" / "en.json")));
  impl_->catalogues["sv"] = sv;
  impl_->catalogues["en"] = en;
  for (const auto& [l, cat] : impl_->catalogues) impl_->base[l] = json{{"t", cat}};
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
  const json& base = impl_->base.at(l);
  std::string content;
  content.reserve(64 * 1024);
  it->second.render(base, view, content);
  std::string html;
  html.reserve(content.size() + 16 * 1024);
  view["content"] = std::move(content);
  impl_->templates.at("layout").render(base, view, html);
  return Response::html(std::move(html), status);
}

Response PageRenderer::render_fragment(const Request& req, const std::string& name, const std::string& view_json) {
  auto it = impl_->templates.find(name);
  if (it == impl_->templates.end()) throw std::runtime_error("no template " + name);
  json view = json::parse(view_json);
  view["csrf_token"] = req.csrf_token;
  std::string html;
  it->second.render(impl_->base.at(lang(req)), view, html);
  return Response::html(std::move(html));
}

Response PageRenderer::error_page(const Request& req, int status, const std::string& message) {
  json view{{"status", status}, {"message", message}, {"title", text(req, "error_title")}};
  return render(req, "error", view.dump(), status);
}

}  // namespace stegvis::http
