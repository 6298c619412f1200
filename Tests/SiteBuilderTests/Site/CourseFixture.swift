import Diagnostics
import NotebookFormat
import NotebookRunner

@testable import SiteBuilder

/// A small two-lesson course that uses every feature of the page: Chinese prose,
/// math with a numbered equation, code with output, an error cell, a directive
/// figure with a label and a reference to it, an image figure, links and
/// references between lessons, cell options, a figure drawn by a cell.
enum CourseFixture {
    static let convolutionSource = #"""
        ---
        title: 图像卷积
        lang: zh
        order: 1
        ---
        # 图像卷积
        :label:`sec_conv`

        ## 互相关运算

        卷积窗口从输入张量的*左上角*开始滑动，如 :numref:`fig_corr` 所示。
        输出大小等于输入大小$n_h \times n_w$减去卷积核大小$k_h \times k_w$，见 :eqref:`eq_output`：

        $$(n_h-k_h+1) \times (n_w-k_w+1).$$
        :eqlabel:`eq_output`

        ![二维互相关运算：$0\times0+1\times1=1$。](img/correlation.svg)
        :width:`400px`
        :label:`fig_corr_image`

        ```python
        def corr2d(X, K):  #@save
            """计算二维互相关运算"""
            h, w = K.shape
            Y = torch.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1))
            return Y
        ```

        ```python
        X = torch.tensor([[0.0, 1.0], [2.0, 3.0]])
        corr2d(X, K)
        ```

        ```{correlation} main
        :input: X
        :kernel: K
        :caption: 二维互相关运算 $X \star K$
        :label: fig_corr
        ```

        ## 学习卷积核

        下一节讲 [训练](training.md#training-loop)，也见 :numref:`fig_loss` 与 {numref}`sec_conv`。
        """#

    static let trainingSource = #"""
        ---
        title: Training a kernel
        order: 2
        ---
        # Training a kernel

        We learn the kernel `K` from `X` and `Y` (back to [the convolution](conv-layer.md#fig_corr)).

        ## Training loop

        ```python
        #| echo: false
        lr = 3e-2  # learning rate
        ```

        ```python
        for i in range(2):
            print(f"epoch {i + 1}, loss {0.5:.3f}")
        ```

        ```python
        #| output: false
        print("hidden")
        ```

        ```python
        #| label: fig_loss
        #| caption: The loss falls.
        animator.add(epoch, loss)
        ```

        > A quote with a list:
        >
        > 1. first
        > 2. second
        """#

    static func executedCourse() -> [ExecutedNotebook] {
        var convolution = Executed.notebook(
            convolutionSource, path: "conv-layer.md",
            cells: [
                2: ExecutedCell(
                    cellIndex: 2, status: .ran, printed: "",
                    error: CellException(
                        type: "NameError", message: "name 'K' is not defined",
                        location: SourceLocation(file: "conv-layer.md", line: 36, column: 12),
                        traceback: ["Cell 2, line 2, in <module>"], wasExpected: false))
            ])
        convolution = convolution.drawing("main", figure: Executed.figure(.correlation, id: "corr"))
        let training = Executed.notebook(
            trainingSource, path: "training.md",
            cells: [
                2: ExecutedCell(cellIndex: 2, status: .ran, printed: "epoch 1, loss 0.500\nepoch 2, loss 0.500\n"),
                3: ExecutedCell(cellIndex: 3, status: .ran, printed: "hidden\n"),
                4: ExecutedCell(
                    cellIndex: 4, status: .ran,
                    figures: [Executed.figure(.plot, id: "corr", summary: "Loss per epoch.")]),
            ])
        return [convolution, training]
    }

    /// The course with its image, in a fresh fixture directory.
    static func make() throws -> (fixture: SiteFixture, notebooks: [ExecutedNotebook]) {
        let fixture = try SiteFixture()
        try fixture.write(
            "img/correlation.svg", Array(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>"#.utf8))
        return (fixture, executedCourse())
    }
}
