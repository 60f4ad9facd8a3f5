// FunctionRef: a callable handed down a call and used only during it (an edit's change, a visitor),
// as C++26's std::function_ref. Unlike std::function it neither copies nor owns the callable, so a
// lambda costs one small call thunk instead of a class of five functions (clone, destroy, …): with
// ~150 lambdas passed this way, that was 40 KB of the web build.
//
// Does not: outlive the callable. Only ever a parameter; never a member or a variable that is kept
// beyond the call (a lambda given to one dies at the end of the full expression).
#pragma once

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace kvh::core {

template <class Signature> class FunctionRef;

template <class R, class... Args> class FunctionRef<R(Args...)> {
  public:
    template <class F, class = std::enable_if_t<!std::is_same_v<std::remove_cvref_t<F>, FunctionRef> &&
                                                std::is_invocable_r_v<R, F&, Args...>>>
    FunctionRef(F&& f) noexcept // NOLINT: converts implicitly, as std::function does
        : callable_(const_cast<void*>(static_cast<const void*>(std::addressof(f)))),
          call_([](void* callable, Args... args) -> R {
              return std::invoke(*static_cast<std::remove_reference_t<F>*>(callable),
                                 std::forward<Args>(args)...);
          }) {}

    R operator()(Args... args) const { return call_(callable_, std::forward<Args>(args)...); }

  private:
    void* callable_;
    R (*call_)(void*, Args...);
};

} // namespace kvh::core
