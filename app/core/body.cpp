// The body base, the JSON body of kinds without a model of their own, and the hash helpers.
#include "body.hpp"

namespace kvh::core {

const std::string& Body::item_id(std::size_t) const {
    static const std::string none;
    return none;
}

std::uint64_t JsonBody::hash() const {
    return fnv1a64(hash_text(value_));
}

bool JsonBody::equals(const Body& other) const {
    const auto* o = body_cast<JsonBody>(&other);
    return o && o->kind_ == kind_ && o->value_ == value_;
}

std::uint64_t fnv1a64(std::string_view text, std::uint64_t h) {
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::uint64_t mix_hash(std::uint64_t h, std::uint64_t part) {
    for (int i = 0; i < 8; ++i) {
        h ^= (part >> (8 * i)) & 0xff;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string hash_text(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace kvh::core
