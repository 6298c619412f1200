"""The LeNet lesson's training in real PyTorch, for LessonBenchmark's comparison row.

Same network, data, initialisation, optimiser and timing rule as
`lenet-training.md` run through litbook: `d2l.train_ch6` times each training
step (forward, loss, backward, SGD update, metrics) and not the data loading
or the per-epoch evaluation, then prints `N examples/sec on cpu`. The d2l
package itself is not needed; its few lines are written out here.

    python lenet_training_pytorch.py EPOCHS THREADS
"""
import gzip
import pathlib
import sys
import time

import numpy as np
import torch
from torch import nn

DATA = pathlib.Path("/usr/share/datasets/fashion-mnist")


def read_idx(name, offset):
    with gzip.open(DATA / name, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def fashion_mnist(kind):
    images = read_idx(f"{kind}-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28)
    labels = read_idx(f"{kind}-labels-idx1-ubyte.gz", 8)
    return torch.tensor(images, dtype=torch.float32) / 255, torch.tensor(labels, dtype=torch.int64)


def batches(images, labels, size, shuffle):
    order = torch.randperm(len(labels)) if shuffle else torch.arange(len(labels))
    for start in range(0, len(labels), size):
        index = order[start:start + size]
        yield images[index], labels[index]


def main():
    epochs, threads = int(sys.argv[1]), int(sys.argv[2])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    train, test = fashion_mnist("train"), fashion_mnist("t10k")
    net = nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Conv2d(6, 16, kernel_size=5), nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), nn.Sigmoid(),
        nn.Linear(120, 84), nn.Sigmoid(),
        nn.Linear(84, 10))
    for module in net:
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(module.weight)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.9)
    loss = nn.CrossEntropyLoss()
    seconds, examples = 0.0, 0
    for _ in range(epochs):
        net.train()
        total_loss, correct, seen = 0.0, 0, 0
        for X, y in batches(*train, 256, shuffle=True):
            start = time.perf_counter()
            optimizer.zero_grad()
            y_hat = net(X)
            l = loss(y_hat, y)
            l.backward()
            optimizer.step()
            with torch.no_grad():
                total_loss += float(l) * X.shape[0]
                correct += int((y_hat.argmax(dim=1) == y).sum())
                seen += X.shape[0]
            seconds += time.perf_counter() - start
        examples += seen
        net.eval()
        with torch.no_grad():
            right = sum(int((net(X).argmax(dim=1) == y).sum()) for X, y in batches(*test, 256, shuffle=False))
    print(f"loss {total_loss / seen:.3f}, train acc {correct / seen:.3f}, test acc {right / len(test[1]):.3f}")
    print(f"{examples / seconds:.1f} examples/sec on cpu")


if __name__ == "__main__":
    main()
