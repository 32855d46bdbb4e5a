#include "http/template.hpp"

#include <cctype>
#include <sstream>
#include <stdexcept>

namespace stegvis::http {
using nlohmann::json;

namespace {

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> split_name(const std::string& name) {
  std::vector<std::string> parts;
  if (name.find('.') == std::string::npos) {
    parts.push_back(name);
    return parts;
  }
  // As std::getline splits it (kainjow's split): "a.b" → a, b; a trailing dot adds nothing.
  std::istringstream in(name);
  for (std::string part; std::getline(in, part, '.');) parts.push_back(part);
  return parts;
}

std::size_t newline_at(std::string_view s, std::size_t i) {
  if (s[i] == '\r') return i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
  return s[i] == '\n' ? 1 : 0;
}

void escape_into(std::string& out, const std::string& s) {
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += ch;
    }
  }
}

bool truthy(const json& v) { return !(v.is_null() || (v.is_boolean() && !v.get<bool>()) || (v.is_array() && v.empty())); }

}  // namespace

Template::Template(std::string_view in) {
  std::vector<std::size_t> open;  // indexes of the sections not yet closed
  std::string text;
  auto flush_text = [&] {
    if (!text.empty()) nodes_.push_back({Kind::text, std::move(text), {}, false, 0});
    text.clear();
  };
  for (std::size_t i = 0; i < in.size();) {
    if (std::size_t nl = newline_at(in, i)) {
      flush_text();
      nodes_.push_back({Kind::newline, std::string(in.substr(i, nl)), {}, false, 0});
      i += nl;
      continue;
    }
    if (in.compare(i, 2, "{{") != 0) {
      text += in[i++];
      continue;
    }
    flush_text();
    const bool triple = i + 2 < in.size() && in[i + 2] == '{';
    const std::size_t from = i + (triple ? 3 : 2);
    const std::size_t to = in.find(triple ? "}}}" : "}}", from);
    if (to == std::string_view::npos) throw std::runtime_error("Unclosed tag at " + std::to_string(i));
    std::string tag = trim(in.substr(from, to - from));
    const std::size_t at = i;
    i = to + (triple ? 3 : 2);
    if (triple) {
      nodes_.push_back({Kind::raw_variable, {}, split_name(tag), tag == ".", 0});
      continue;
    }
    const char sigil = tag.empty() ? '\0' : tag[0];
    std::string name = sigil == '#' || sigil == '^' || sigil == '/' || sigil == '&' || sigil == '!' || sigil == '>'
                           ? trim(std::string_view(tag).substr(1))
                           : tag;
    switch (sigil) {
      case '!':
      case '>':  // partials are expanded before parsing; an unknown one renders nothing, as in kainjow
        break;
      case '=':
        throw std::runtime_error("Set delimiter tags are not supported (at " + std::to_string(at) + ")");
      case '#':
      case '^':
        open.push_back(nodes_.size());
        nodes_.push_back({sigil == '#' ? Kind::section : Kind::inverted, std::move(name), {}, false, 0});
        nodes_.back().path = split_name(nodes_.back().text);
        nodes_.back().dot = nodes_.back().text == ".";
        break;
      case '/':
        if (open.empty()) throw std::runtime_error("Unopened section \"" + name + "\" at " + std::to_string(at));
        if (nodes_[open.back()].text != name)
          throw std::runtime_error("Unclosed section \"" + nodes_[open.back()].text + "\" at " + std::to_string(at));
        nodes_[open.back()].end = nodes_.size();
        open.pop_back();
        break;
      case '&':
        nodes_.push_back({Kind::raw_variable, {}, split_name(name), name == ".", 0});
        break;
      default:
        nodes_.push_back({Kind::variable, {}, split_name(name), name == ".", 0});
    }
  }
  flush_text();
  if (!open.empty()) throw std::runtime_error("Unclosed section \"" + nodes_[open.back()].text + "\"");
}

// kainjow's rendering, line by line: a line that held a section tag (or the edge of a
// section's item) and is otherwise blank is left out, newline and all.
struct Template::Renderer {
  const std::vector<Node>& nodes;
  std::string& out;
  std::vector<const json*> stack;  // bottom: the catalogue; above it the view, then section values
  std::size_t line_start;
  bool section_on_line = false;

  bool line_is_blank() const {
    for (std::size_t i = line_start; i < out.size(); ++i)
      if (out[i] != ' ' && out[i] != '\t') return false;
    return true;
  }
  void end_line(const std::string* newline) {
    if (section_on_line && line_is_blank()) out.resize(line_start);
    else if (newline) out += *newline;
    line_start = out.size();
    section_on_line = false;
  }

  // A dotted name is looked up whole in each level, from the top (not the spec's rule, kainjow's).
  const json* lookup(const Node& n) const {
    if (n.dot) return stack.back();
    for (auto level = stack.rbegin(); level != stack.rend(); ++level) {
      const json* v = *level;
      for (const auto& part : n.path) {
        if (!v->is_object()) { v = nullptr; break; }
        auto it = v->find(part);
        if (it == v->end()) { v = nullptr; break; }
        v = &*it;
      }
      if (v) return v;
    }
    return nullptr;
  }

  void put(const json& v, bool escaped) {
    switch (v.type()) {
      case json::value_t::string:
        if (escaped) escape_into(out, v.get_ref<const std::string&>());
        else out += v.get_ref<const std::string&>();
        break;
      case json::value_t::number_integer:
      case json::value_t::number_unsigned: out += v.dump(); break;
      case json::value_t::number_float: {
        std::ostringstream ss;  // as the view was converted for kainjow: six significant digits
        ss << v.get<double>();
        out += ss.str();
        break;
      }
      default: break;  // booleans, null, objects and lists print nothing
    }
  }

  void section(const json* value, std::size_t from, std::size_t to) {
    section_on_line = true;
    if (value) stack.push_back(value);
    run(from, to);
    if (value) stack.pop_back();
    section_on_line = true;
  }

  void run(std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to;) {
      const Node& n = nodes[i];
      switch (n.kind) {
        case Kind::text: out += n.text; break;
        case Kind::newline: end_line(&n.text); break;
        case Kind::variable:
        case Kind::raw_variable:
          if (const json* v = lookup(n)) put(*v, n.kind == Kind::variable);
          break;
        case Kind::section:
          if (const json* v = lookup(n); v && truthy(*v)) {
            if (v->is_array()) {
              for (const auto& item : *v) section(&item, i + 1, n.end);
            } else {
              section(v, i + 1, n.end);
            }
          }
          i = n.end;
          continue;
        case Kind::inverted:
          if (const json* v = lookup(n); !v || !truthy(*v)) section(v, i + 1, n.end);
          i = n.end;
          continue;
      }
      ++i;
    }
  }
};

void Template::render(const json& base, const json& view, std::string& out) const {
  Renderer r{nodes_, out, {&base, &view}, out.size()};
  r.run(0, nodes_.size());
  r.end_line(nullptr);
}

}  // namespace stegvis::http
