// The names and roles already given as responsible for actions in the workspace, offered when the
// next one is filled in, so that "Enhetschef" is written the same way everywhere and the register's
// "Mina åtgärder" finds every action of one person.
#pragma once

#include "core/facts.hpp"

#include <string>
#include <vector>

namespace kvh::core {

// Each responsible once (trimmed; spellings that differ only in case count as one, written as most
// actions write it), the most used first, then in alphabetical order.
std::vector<std::string> known_responsibles(const std::vector<const ActionFact*>& actions);

} // namespace kvh::core
