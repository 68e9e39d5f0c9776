//! Checking files on several threads while their results are written in the order of the files.
//!
//! Threads take the next file as soon as they are free, so a slow file never holds the others up,
//! and results are written as soon as every earlier one is: output is the same whatever the
//! number of threads. The calling thread is one of the workers and also the writer (writing is a
//! small part of the work), so no thread sleeps while there are files left. A helper thread does
//! not start a file more than [`WINDOW`] files ahead of the writer, so memory holds at most that
//! many results, whatever the number of files.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex, PoisonError};
use std::thread;

/// How many files helper threads may be ahead of the writer.
const WINDOW: usize = 64;

/// Where helper threads wait when they are too far ahead of the writer.
#[derive(Default)]
struct Window {
    /// How many results have been consumed.
    consumed: AtomicUsize,
    /// How many helpers are waiting for `consumed` to grow.
    sleepers: AtomicUsize,
    lock: Mutex<()>,
    advanced: Condvar,
}

impl Window {
    /// Waits until `index` is within the window, or the run stops.
    fn wait_for(&self, index: usize, stop: &AtomicBool) {
        if index < self.consumed.load(Ordering::Acquire) + WINDOW {
            return;
        }
        let mut guard = self.lock.lock().unwrap_or_else(PoisonError::into_inner);
        self.sleepers.fetch_add(1, Ordering::AcqRel);
        while index >= self.consumed.load(Ordering::Acquire) + WINDOW
            && !stop.load(Ordering::Acquire)
        {
            guard = self
                .advanced
                .wait(guard)
                .unwrap_or_else(PoisonError::into_inner);
        }
        self.sleepers.fetch_sub(1, Ordering::AcqRel);
    }

    /// Records progress, waking helpers only if one is waiting.
    fn advance(&self, consumed: usize) {
        self.consumed.store(consumed, Ordering::Release);
        if self.sleepers.load(Ordering::Acquire) > 0 {
            let _guard = self.lock.lock().unwrap_or_else(PoisonError::into_inner);
            self.advanced.notify_all();
        }
    }
}

/// Runs `work` on every item, on `threads` threads (this one included), and hands each result to
/// `consume`, on this thread, in the order of `items`. Stops starting new items once `consume`
/// fails, and returns that error.
pub fn map_in_order<I: Sync, T: Send>(
    items: &[I],
    threads: usize,
    work: impl Fn(&I) -> T + Sync,
    mut consume: impl FnMut(T) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let window = Window::default();
    let (sender, receiver) = mpsc::channel::<(usize, T)>();
    thread::scope(|scope| {
        let helpers = threads.min(items.len()).saturating_sub(1);
        for _ in 0..helpers {
            let sender = sender.clone();
            let (next, stop, window, work) = (&next, &stop, &window, &work);
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::AcqRel);
                if index >= items.len() {
                    break;
                }
                window.wait_for(index, stop);
                if stop.load(Ordering::Acquire)
                    || sender.send((index, work(&items[index]))).is_err()
                {
                    break;
                }
            });
        }
        drop(sender);

        let mut waiting: BTreeMap<usize, T> = BTreeMap::new();
        let mut expected = 0;
        let mut outcome = Ok(());
        let mut flush = |waiting: &mut BTreeMap<usize, T>, outcome: &mut std::io::Result<()>| {
            while let Some(result) = waiting.remove(&expected) {
                expected += 1;
                if outcome.is_ok() {
                    *outcome = consume(result);
                    if outcome.is_err() {
                        stop.store(true, Ordering::Release);
                    }
                }
            }
            window.advance(expected);
        };
        // Work while there are items, writing what is ready between them.
        while !stop.load(Ordering::Acquire) {
            let index = next.fetch_add(1, Ordering::AcqRel);
            if index >= items.len() {
                break;
            }
            waiting.insert(index, work(&items[index]));
            waiting.extend(receiver.try_iter());
            flush(&mut waiting, &mut outcome);
        }
        // Then wait for the helpers' last results.
        for (index, result) in receiver {
            waiting.insert(index, result);
            flush(&mut waiting, &mut outcome);
        }
        outcome
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_whatever_the_threads() {
        let items: Vec<u64> = (0..1000).collect();
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            map_in_order(
                &items,
                threads,
                // Uneven work, so that results finish out of order.
                |&item| {
                    if item % 7 == 0 {
                        thread::sleep(std::time::Duration::from_micros(200));
                    }
                    item * 2
                },
                |result| {
                    seen.push(result);
                    Ok(())
                },
            )
            .expect("no error");
            assert_eq!(seen, items.iter().map(|item| item * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_failing_consumer_stops_the_run() {
        let items: Vec<u64> = (0..10_000).collect();
        let started = AtomicUsize::new(0);
        let mut consumed = 0;
        let outcome = map_in_order(
            &items,
            2,
            |_| started.fetch_add(1, Ordering::Relaxed),
            |_| {
                consumed += 1;
                if consumed == 10 {
                    Err(std::io::Error::other("closed pipe"))
                } else {
                    Ok(())
                }
            },
        );
        assert!(outcome.is_err());
        assert_eq!(consumed, 10);
        assert!(started.load(Ordering::Relaxed) < 10 + WINDOW + 4);
    }
}
