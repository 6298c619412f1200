# The shapes of code the convolution lessons are written in, on plain lists.
def corr2d(X, K):
    """Compute 2-D cross-correlation."""
    h, w = len(K), len(K[0])
    Y = [[0.0] * (len(X[0]) - w + 1) for _ in range(len(X) - h + 1)]
    for i in range(len(Y)):
        for j in range(len(Y[0])):
            Y[i][j] = sum(X[i + a][j + b] * K[a][b] for a in range(h) for b in range(w))
    return Y
X = [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]]
K = [[0.0, 1.0], [2.0, 3.0]]
corr2d(X, K)  # expect: [[19.0, 25.0], [37.0, 43.0]]
# %%
class Module:
    def __call__(self, *args):
        return self.forward(*args)
class Scale(Module):
    def __init__(self, k):
        super().__init__()
        self.k = k
    def forward(self, rows):
        return [[v * self.k for v in row] for row in rows]
class Flatten(Module):
    def forward(self, rows):
        return [[v for row in rows for v in row]]
net = [Scale(2), Flatten()]
Z = X
for layer in net:
    Z = layer(Z)
    print(layer.__class__.__name__, 'output shape: \t', (len(Z), len(Z[0])))
print(isinstance(net[0], Module), type(net[1]) == Flatten, type(net[1]) == Module)
# expect: Scale output shape: 	 (3, 3)
# expect: Flatten output shape: 	 (1, 9)
# expect: True True False
# %%
class Accumulator:
    """Sums over n variables."""
    def __init__(self, n):
        self.data = [0.0] * n
    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]
    def reset(self):
        self.data = [0.0] * len(self.data)
    def __getitem__(self, idx):
        return self.data[idx]
def data_iter(batch_size, features, labels):
    return [(features[i:i + batch_size], labels[i:i + batch_size]) for i in range(0, len(features), batch_size)]
features = list(range(10))
labels = [2 * x + 1 for x in features]
w, lr, num_epochs = 0.0, 0.01, 3
for epoch in range(num_epochs):
    metric = Accumulator(2)
    for i, (X, y) in enumerate(data_iter(4, features, labels)):
        grad = sum(2 * (w * x - t) * x for x, t in zip(X, y)) / len(X)
        w -= lr * grad
        metric.add(sum((w * x - t) ** 2 for x, t in zip(X, y)), len(X))
    l = metric[0] / metric[1]
    print(f'epoch {epoch + 1}, loss {l:.3f}')
print(f'w {w:.4f}, {metric[1] * num_epochs / 2:.1f} examples/sec on {str("cpu")}')
# expect: epoch 1, loss 15.608
# expect: epoch 2, loss 0.334
# expect: epoch 3, loss 0.351
# expect: w 2.1078, 15.0 examples/sec on cpu
