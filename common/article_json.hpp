// Article <-> JSON. The keys are the documented --dry-run --print jsonl contract
// (docs/output.md) and also the stored document data, so `show` prints what was indexed.
#pragma once

#include "article.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace morgue {

nlohmann::ordered_json article_to_json(const Article& a);
// Accepts what article_to_json writes; unknown keys are ignored, missing ones left empty.
Article article_from_json(const nlohmann::ordered_json& j);

// "2024-10-25T10:30:00Z", or "" for none.
std::string iso_utc(std::optional<std::int64_t> t);

// One line of compact JSON; invalid UTF-8 is replaced rather than thrown on.
std::string dump_json(const nlohmann::ordered_json& j, int indent = -1);
// dump_json's second step, for JSON text written by other means: DEL, C1 controls,
// U+061C and the bidi and line marks escaped as JSON \u escapes, e.g. "\u202e" (nlohmann
// escapes only C0).
std::string escape_for_terminal_json(std::string json_text);

} // namespace morgue
