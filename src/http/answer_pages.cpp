// The public answer page of a one-time link (issue #9): no login, made for a
// phone, one fieldset per item (radio buttons for a scale, a text area for
// free text). A refused link (used, closed, unknown, throttled) gets a page
// that says why; an answer outside the scale or a missing required item comes
// back with the answers kept and the item named.
#include "http/errors.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"

namespace stegvis::http {
namespace {

json answer_view(const PageRenderer& pages, const Request& req, const app::AnswerForm& f,
                 const std::map<std::string, AnswerValue>& entered, const Error* error) {
  json items = json::array();
  for (std::size_t i = 0; i < f.items.size(); ++i) {
    const auto& it = f.items[i];
    auto e = entered.find(it.key);
    json j{{"n", i + 1}, {"key", it.key}, {"text", it.text}, {"required", it.required},
           {"is_text", it.kind == ItemKind::text}, {"invalid", error && error->field == "answers." + it.key}};
    if (it.kind == ItemKind::text) {
      j["value"] = e != entered.end() && e->second.text ? *e->second.text : "";
    } else {
      const int lo = it.kind == ItemKind::frequency ? 1 : it.min, hi = it.kind == ItemKind::frequency ? 5 : it.max;
      json options = json::array();
      for (int v = lo; v <= hi; ++v) {
        std::string label = value_label(it, v);
        bool checked = e != entered.end() && e->second.number && *e->second.number == v;
        options.push_back({{"value", v}, {"label", label}, {"checked", checked}, {"has_label", !label.empty()},
                           {"labelled", it.kind == ItemKind::frequency}});
      }
      j["options"] = options;
      j["min_label"] = it.kind == ItemKind::scale ? it.min_label : "";
      j["max_label"] = it.kind == ItemKind::scale ? it.max_label : "";
      j["has_ends"] = it.kind == ItemKind::scale && (!it.min_label.empty() || !it.max_label.empty());
    }
    items.push_back(j);
  }
  json view{{"title", f.name}, {"name", f.name}, {"description", f.description.empty() ? json(false) : json(f.description)}, {"closes", f.closes},
            {"items", items}, {"action", req.path}};
  if (error) view["error"] = error->message;
  (void)pages;
  return view;
}

Response refused(PageRenderer& pages, const Request& req, const Error& e) {
  json view{{"title", pages.text(req, "quest_answer_refused")}, {"message", e.message}};
  return pages.render_json(req, "quest_answer_refused", view, status_for(e.code));
}

}  // namespace

void add_answer_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/svar/{token}", Auth::none, false, [&services, &pages](Request& req) {
    auto f = services.answers.form(req.params["token"], req.remote_addr);
    if (!f) return refused(pages, req, f.error());
    return pages.render_json(req, "quest_answer", answer_view(pages, req, *f, {}, nullptr));
  });

  router.add("POST", "/svar/{token}", Auth::none, false, [&services, &pages](Request& req) {
    auto f = services.answers.form(req.params["token"], req.remote_addr);
    if (!f) return refused(pages, req, f.error());
    std::map<std::string, AnswerValue> in;
    for (const auto& item : f->items) {
      std::string v = req.form_value("q_" + item.key);
      if (v.empty()) continue;
      AnswerValue a;
      if (item.kind == ItemKind::text) {
        a.text = v;
      } else if (v.size() <= 3 && v.find_first_not_of("0123456789") == std::string::npos) {
        a.number = std::stoi(v);
      } else {
        a.not_integer = true;
      }
      in[item.key] = a;
    }
    auto r = services.answers.submit(req.params["token"], in, req.remote_addr);
    if (!r) {
      if (r.error().code != ErrorCode::unprocessable) return refused(pages, req, r.error());
      return pages.render_json(req, "quest_answer", answer_view(pages, req, *f, in, &r.error()), 422);
    }
    json view{{"title", pages.text(req, "quest_answer_thanks")}, {"name", f->name}};
    return pages.render_json(req, "quest_answer_done", view);
  });
}

}  // namespace stegvis::http
