"""Break bpnet in small ways, one at a time, and check that the named test fails each time.

Each mutation is a one-line change to bpnet (a sign, an axis, a deleted line, a
threshold) made on a copy of bpnet/ and tests/ in a temporary folder; the test
that guards that behaviour runs on the copy and must fail. The checkout is
never touched.  Run: .venv/bin/python tools/mutations.py   (about two minutes)
"""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MUTATIONS = [  # (file, a line as it is, the line broken, the test that must fail)
 ("bpnet/losses.py", "half_squared_error, lambda k: 0.5, 1.5)", "half_squared_error, lambda k: 0.5, 10)", "tests/test_divergence.py::test_sigmoid_outputs_driven_into_saturation_are_said_to_diverge"),
 ("bpnet/divergence.py", "    rates += [r for r in (1.0, 0.1) if r < rates[-1]]", "    pass", "tests/test_divergence.py"),
 ("bpnet/divergence.py", "    if loss[-1] <= limit:", "    if loss.max() <= limit:", "tests/test_divergence.py::test_good_runs_never_trip_the_check"),
 ("bpnet/divergence.py", "    limit = times * max(loss[0], guess)", "    limit = times * loss[0]", "tests/test_divergence.py::test_a_net_that_starts_near_perfect_is_judged_against_a_blind_guess_too"),
 ("bpnet/plots.py", "            ax.contour(p1, levels=[0.5], colors=\"black\", linewidths=2, extent=extent)", "            pass", "tests/test_plots.py::test_the_map_is_the_networks_probability_on_the_articles_plane"),
 ("bpnet/plots.py", "    G1, G2 = np.meshgrid(g1, g2)", "    G2, G1 = np.meshgrid(g2, g1)", "tests/test_plots.py::test_the_map_is_the_networks_probability_on_the_articles_plane"),
 ("bpnet/plots.py", "    held = [] if hold is None else hold[:extra]", "    held = [] if hold is None else [1.0] * extra", "tests/test_plots.py::test_inputs_after_x1_x2_are_held_where_asked"),
 ("bpnet/widgets.py", "        summary.value = f'<pre style=\"color:#D55E00;{WRAP}\">bpnet says: {html.escape(str(e))}</pre>'", "        pass", "tests/test_widgets.py::test_explorer_shows_errors_instead_of_losing_them"),
 ("bpnet/sweep.py", "np.all((out >= 0.5) == (y >= 0.5), axis=1)", "np.any((out >= 0.5) == (y >= 0.5), axis=1)", "tests/test_sweep.py::test_success_rate_counts_the_seeds_that_learned_every_sample"),
 ("bpnet/trace.py", "        after.step(dW, db, lr)", "        after.step(dW, db, -lr)", "tests/test_trace.py::test_the_update_steps_are_one_real_step_and_leave_the_net_alone"),
 ("bpnet/trace.py", "    for l in range(L):\n        steps.append(Step(\"update\"", "    for l in reversed(range(L)):\n        steps.append(Step(\"update\"", "tests/test_trace.py"),
 ("bpnet/stepper.py", "\"\".join(rows[::-1])", "\"\".join(rows)", "tests/test_widgets.py::test_stepper_buttons_walk_the_steps_newest_first"),
 ("bpnet/live.py", "    if rose > 0.2:", "    if rose > 0.5:", "tests/test_explore.py::test_each_warning_names_what_went_wrong"),
 ("bpnet/live.py", "    if len(loss) > 1 and loss[-1] >= loss[0]:", "    if False:", "tests/test_explore.py::test_each_warning_names_what_went_wrong"),
 ("bpnet/network.py", "                delta = matmul(delta, W.mT) * df(a[l])", "                delta = matmul(delta, W.mT)", "tests/test_network.py"),
 ("bpnet/panels.py", "        if moved:  # new limits: the loss panel's axes are drawn again, over the layers below as they were", "        if False:", "tests/test_panels.py::test_a_live_frame_looks_exactly_like_the_whole_figure_drawn_afresh"),
 ("bpnet/netview.py", "                *[t for t in self.ax.texts if t not in self.fixed]]", "                ]", "tests/test_panels.py::test_a_live_frame_looks_exactly_like_the_whole_figure_drawn_afresh"),
 ("bpnet/panels.py", "        if not same_title or self.view.fixed_look() != fixed:", "        if not same_title:", "tests/test_panels.py::test_a_deeper_network_in_the_same_figure_gets_its_layer_names_drawn_anew"),
 ("bpnet/network.py", "                db[l] = delta.sum(axis=-2)", "                db[l] = delta.sum(axis=-1)", "tests/test_network.py"),
]


def run(folder, tests):
    return subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
                          cwd=folder, env={"PYTHONPATH": folder, "PATH": "/usr/bin:/bin", "MPLBACKEND": "Agg"},
                          capture_output=True, text=True)


def main():
    survivors = 0
    with tempfile.TemporaryDirectory() as tmp:
        for folder in ("bpnet", "tests"):
            shutil.copytree(ROOT / folder, Path(tmp) / folder, ignore=shutil.ignore_patterns("__pycache__"))
        tests = sorted({test for *_, test in MUTATIONS})
        if run(tmp, tests).returncode != 0:  # unbroken, every named test must pass here first
            sys.exit("the named tests fail on the unbroken copy: fix them first")
        for name, old, new, test in MUTATIONS:
            path = Path(tmp) / name
            original = path.read_text()
            if old not in original:
                sys.exit(f"{name} no longer holds {old.strip()!r}: update this table")
            path.write_text(original.replace(old, new, 1))
            result = run(tmp, [test])
            path.write_text(original)
            caught = result.returncode == 1  # 1: a test failed (2-5 would be a broken run)
            survivors += not caught
            print(f"{'caught  ' if caught else 'MISSED  '} {name}: {old.strip()[:50]!r} -> {new.strip()[:40]!r}"
                  f"  [{test.split('::')[-1]}]")
    print(f"{len(MUTATIONS) - survivors} of {len(MUTATIONS)} mutations caught")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
