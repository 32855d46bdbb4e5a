// The page templates are rendered by http::Template; it must give kainjow mustache's exact
// output (the library it replaced, and the one the templates were written against). Every
// template in web/templates is rendered by both with many generated views, plus the cases
// of mustache's rules that the generated views might not reach.
#include <gtest/gtest.h>
#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <set>
#include <sstream>

#include "http/template.hpp"

namespace {
using nlohmann::json;
using stegvis::http::Template;
namespace mus = kainjow::mustache;
namespace fs = std::filesystem;

// The view → kainjow conversion the page renderer used.
mus::data to_data(const json& j) {
  switch (j.type()) {
    case json::value_t::object: {
      mus::data d{mus::data::type::object};
      for (const auto& [k, v] : j.items()) d.set(k, to_data(v));
      return d;
    }
    case json::value_t::array: {
      mus::data d{mus::data::type::list};
      for (const auto& v : j) d.push_back(to_data(v));
      return d;
    }
    case json::value_t::string: return mus::data(j.get<std::string>());
    case json::value_t::boolean: return mus::data(j.get<bool>() ? mus::data::type::bool_true : mus::data::type::bool_false);
    case json::value_t::null: return mus::data(mus::data::type::bool_false);
    case json::value_t::number_float: {
      std::ostringstream ss;
      ss << j.get<double>();
      return mus::data(ss.str());
    }
    default: return mus::data(j.dump());
  }
}

// The base (the catalogue, hundreds of texts) comes converted once.
std::string with_kainjow(const std::string& text, const mus::data& base, const json& view) {
  mus::mustache tmpl(text);
  EXPECT_TRUE(tmpl.is_valid()) << tmpl.error_message();
  mus::data v = to_data(view);
  mus::context<std::string> ctx(&base);
  ctx.push(&v);
  std::ostringstream out;
  tmpl.render(ctx, out);
  return out.str();
}

std::string with_template(const std::string& text, const json& base, const json& view) {
  std::string out;
  Template(text).render(base, view, out);
  return out;
}

// Every name a template uses, each dotted name by its parts.
std::vector<std::vector<std::string>> names_in(const std::string& text) {
  static const std::regex tag(R"(\{\{\{?\s*[#^/&]?\s*([A-Za-z0-9_.]+)\s*\}?\}\})");
  std::set<std::vector<std::string>> names;
  for (std::sregex_iterator it(text.begin(), text.end(), tag), end; it != end; ++it) {
    std::vector<std::string> parts;
    std::stringstream ss((*it)[1].str());
    for (std::string p; std::getline(ss, p, '.');) parts.push_back(p);
    if (!parts.empty() && parts[0] != "t") names.insert(parts);  // t.*: the catalogue beneath
  }
  return {names.begin(), names.end()};
}

json random_value(std::mt19937& rng, const std::vector<std::vector<std::string>>& names, int depth);

json random_object(std::mt19937& rng, const std::vector<std::vector<std::string>>& names, int depth) {
  json o = json::object();
  for (const auto& path : names) {
    if (rng() % 4 == 0) continue;  // absent here: found further down the stack, or not at all
    json* at = &o;
    for (std::size_t i = 0; i + 1 < path.size() && at; ++i) {
      json& next = (*at)[path[i]];
      if (next.is_null()) next = json::object();
      at = next.is_object() ? &next : nullptr;
    }
    if (at && !at->contains(path.back())) (*at)[path.back()] = random_value(rng, names, depth + 1);
  }
  return o;
}

json random_value(std::mt19937& rng, const std::vector<std::vector<std::string>>& names, int depth) {
  static const char* texts[] = {"", " ", "Åsa & <Öst> \"x\" 'y'", "a\nb", "0", "<script>alert(1)</script>"};
  switch (rng() % (depth < 2 ? 10 : 7)) {
    case 0: return texts[rng() % 6];
    case 1: return static_cast<int>(rng() % 2000) - 1000;
    case 2: return (rng() % 100000) / 7.0;
    case 3: return rng() % 2 == 0;
    case 4: return nullptr;
    case 5: return json::array();
    case 6: return texts[2];
    case 7: return random_object(rng, names, depth);
    default: {
      json list = json::array();
      for (int i = 0, n = 1 + static_cast<int>(rng() % 3); i < n; ++i)
        list.push_back(rng() % 5 == 0 ? random_value(rng, names, depth + 1) : random_object(rng, names, depth));
      return list;
    }
  }
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Template, RendersEveryPageTemplateAsKainjowDoes) {
  const fs::path web = STEGVIS_WEB_DIR;
  const json base{{"t", json::parse(read(web / "i18n" / "sv.json"))}};
  const mus::data kainjow_base = to_data(base);
  int templates = 0;
  for (const auto& e : fs::directory_iterator(web / "templates")) {
    if (e.path().extension() != ".mustache") continue;
    ++templates;
    const std::string text = read(e.path());
    const auto names = names_in(text);
    std::mt19937 rng(static_cast<unsigned>(std::hash<std::string>{}(e.path().filename().string())));
    for (int round = 0; round < 40; ++round) {
      json view = random_object(rng, names, 0);
      ASSERT_EQ(with_template(text, base, view), with_kainjow(text, kainjow_base, view))
          << e.path().filename() << " round " << round << " view " << view.dump();
    }
  }
  EXPECT_GT(templates, 40);
}

TEST(Template, FollowsKainjowsRulesForSectionsLinesAndNames) {
  const json base{{"t", {{"hello", "Hej"}}}};
  const json view = json::parse(R"({
    "items": [{"name": "a"}, {"name": "b<"}], "none": [], "off": false, "on": true, "nil": null,
    "empty": "", "zero": 0, "pi": 3.14159265, "big": 12345678901, "obj": {"x": {"y": "deep"}},
    "html": "<b>&amp;</b>", "t2": {"hello": "shadow"}})");
  const std::vector<std::string> cases = {
      "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n",
      "  {{#off}}\n x\n  {{/off}}\nafter\n",
      "{{^none}}no items{{/none}}|{{^off}}off{{/off}}|{{^nil}}nil{{/nil}}|{{^missing}}missing{{/missing}}",
      "{{#empty}}empty is true{{/empty}}|{{#zero}}zero is true{{/zero}}|{{#on}}on{{.}}{{/on}}",
      "{{pi}} {{big}} {{zero}} {{on}} {{obj}} {{items}} {{nil}}",
      "{{obj.x.y}} {{#obj}}{{x.y}}{{#x}}{{y}}{{obj.x.y}}{{/x}}{{/obj}} {{obj.q}}",
      "{{t.hello}} {{#items}}{{t.hello}}{{/items}} {{{html}}} {{&html}} {{html}}",
      "{{#items}}{{.}}{{/items}}",
      "a\r\n  {{#on}}  \r\nb\r\n{{/on}}\r\n{{! a comment }}\n  {{! alone }}  \nend",
      "\t{{#items}}\t\n{{name}}\n\t{{/items}}\t",
      "{{ name }}{{# items }}{{ name }}{{/ items }}",
  };
  const mus::data kainjow_base = to_data(base);
  for (const auto& text : cases)
    EXPECT_EQ(with_template(text, base, view), with_kainjow(text, kainjow_base, view)) << text;
}

TEST(Template, RejectsBrokenTemplatesNamingWhere) {
  EXPECT_THROW(Template("{{#a}}x"), std::runtime_error);
  EXPECT_THROW(Template("x{{/a}}"), std::runtime_error);
  EXPECT_THROW(Template("{{#a}}{{/b}}"), std::runtime_error);
  EXPECT_THROW(Template("{{name"), std::runtime_error);
  try {
    Template("ab{{name");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("at 2"), std::string::npos) << e.what();
  }
}

}  // namespace
