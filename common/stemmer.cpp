#include "stemmer.hpp"

#include "schema.hpp"

#include <string>
#include <unordered_map>

namespace morgue {

namespace {

class CachedStem : public Xapian::StemImplementation {
  public:
    explicit CachedStem(const char* language) : stem_(language) {}
    std::string operator()(const std::string& word) override {
        if (auto it = cache_.find(word); it != cache_.end()) return it->second;
        if (cache_.size() >= kMaxEntries) cache_.clear(); // bounded memory
        return cache_.emplace(word, stem_(word)).first->second;
    }
    std::string get_description() const override {
        return "CachedStem(" + stem_.get_description() + ")";
    }

  private:
    static constexpr std::size_t kMaxEntries = 200000;
    Xapian::Stem stem_;
    std::unordered_map<std::string, std::string> cache_;
};

} // namespace

Xapian::Stem cached_stemmer() {
    return Xapian::Stem(new CachedStem(kStemLanguage));
}

} // namespace morgue
