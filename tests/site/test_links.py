import posixpath

from hypothesis import given
from hypothesis import strategies as st

from cchc.urls import relative

segment = st.sampled_from(["a", "b", "van-ban", "don-vi", "x"])
path = st.lists(segment, min_size=0, max_size=3).map(lambda parts: "/".join(parts + ["p.md"]))


@given(path, path)
def test_relative_agrees_with_posixpath(target, source):
    assert relative(target, source) == posixpath.relpath(target, posixpath.dirname(source) or ".")
