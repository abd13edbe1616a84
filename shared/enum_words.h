#pragma once
// The words for a closed set of values, kept in one table per type:
// {value, word} rows, looked up both ways. Each type's to_string and parse
// function is then one line over its table.
#include <optional>
#include <string_view>

namespace oneservice {

template <typename Table, typename Value>
std::string_view word_for(const Table& table, Value value) {
  for (const auto& row : table)
    if (row.value == value) return row.word;
  return table[0].word;  // unreachable while every value has a row
}

template <typename Table>
auto value_for(const Table& table, std::string_view word) -> std::optional<decltype(table[0].value)> {
  for (const auto& row : table)
    if (row.word == word) return row.value;
  return std::nullopt;
}

}  // namespace oneservice
