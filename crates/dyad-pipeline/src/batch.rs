//! [`run_ordered`]: parallel map, ordered output.

use rayon::prelude::*;

/// Map `items` through `work` on the current rayon pool and hand each result to `sink` in input
/// order.
///
/// Items are taken `chunk` at a time, so memory stays bounded however long the input is: a chunk
/// is processed in parallel, then its results go to the sink in order while nothing else runs.
/// The sink may stop the run early by returning an error (a closed pipe, say), which is returned.
pub fn run_ordered<I, T, R, E>(
    items: I,
    chunk: usize,
    work: impl Fn(T) -> R + Sync,
    sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    I: Iterator<Item = T>,
    T: Send,
    R: Send,
{
    run_ordered_batches(
        items,
        chunk,
        1,
        |batch| batch.into_iter().map(&work).collect(),
        sink,
    )
}

/// [`run_ordered`] for work that is faster on batches: each chunk of `chunk` items is cut into
/// batches of at most `batch` items, the batches run in parallel through `work` (which returns one
/// result per item, in order), and every result goes to `sink` in input order.
pub fn run_ordered_batches<I, T, R, E>(
    items: I,
    chunk: usize,
    batch: usize,
    work: impl Fn(Vec<T>) -> Vec<R> + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    I: Iterator<Item = T>,
    T: Send,
    R: Send,
{
    let (chunk, batch) = (chunk.max(1), batch.max(1));
    let mut items = items.peekable();
    while items.peek().is_some() {
        let mut batches: Vec<Vec<T>> = Vec::new();
        let mut taken = 0;
        while taken < chunk && items.peek().is_some() {
            let b: Vec<T> = items.by_ref().take(batch.min(chunk - taken)).collect();
            taken += b.len();
            batches.push(b);
        }
        let results: Vec<Vec<R>> = batches.into_par_iter().map(&work).collect();
        for result in results.into_iter().flatten() {
            sink(result)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_keeps_input_order_on_many_threads() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let mut out = Vec::new();
        pool.install(|| {
            run_ordered(
                0..1000u64,
                37,
                |i| {
                    // Uneven work so threads finish out of order.
                    std::thread::sleep(std::time::Duration::from_micros((i * 7919) % 50));
                    i * 2
                },
                |r| {
                    out.push(r);
                    Ok::<(), ()>(())
                },
            )
        })
        .unwrap();
        assert_eq!(out, (0..1000u64).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn batches_keep_input_order() {
        let mut out = Vec::new();
        let mut sizes = std::sync::Mutex::new(Vec::new());
        run_ordered_batches(
            0..100u32,
            30,
            8,
            |b: Vec<u32>| {
                sizes.lock().unwrap().push(b.len());
                b.into_iter().map(|i| i + 1).collect()
            },
            |r| {
                out.push(r);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(out, (1..=100u32).collect::<Vec<_>>());
        assert!(
            sizes
                .get_mut()
                .unwrap()
                .iter()
                .all(|&n| (1..=8).contains(&n))
        );
    }

    #[test]
    fn sink_error_stops_the_run() {
        let mut seen = 0;
        let result = run_ordered(
            0..100,
            10,
            |i| i,
            |i| {
                seen += 1;
                if i == 15 { Err("closed") } else { Ok(()) }
            },
        );
        assert_eq!(result, Err("closed"));
        assert_eq!(seen, 16);
    }
}
