namespace InfoTheory.Neural;

/// <summary>
/// The objective a critic is trained with, and the bound read from it on held-out pairs. Formulas as collected by
/// Poole, Ozair, van den Oord, Alemi &amp; Tucker (2019), "On variational bounds of mutual information"; each held-out
/// value is computed by the matching method of <see cref="InfoTheory.Variational.VariationalBounds"/>.
/// </summary>
public enum CriticObjective
{
    /// <summary>
    /// InfoNCE (van den Oord et al. 2018): trained and read as I_NCE, which cannot exceed ln K for batches of K pairs
    /// (the ceiling is reported). Low variance; the default.
    /// </summary>
    InfoNce,

    /// <summary>Nguyen-Wainwright-Jordan (MINE-f): trained and read as I_NWJ; unbiased for a fixed critic, high variance at large MI.</summary>
    NguyenWainwrightJordan,

    /// <summary>
    /// MINE (Belghazi et al. 2018): Donsker-Varadhan, with the gradient's denominator E_Q[e^f] replaced by its
    /// exponential moving average across steps (<see cref="NeuralMutualInformation.MovingAverageRate"/>) to reduce the
    /// bias of the mini-batch gradient; read as I_DV.
    /// </summary>
    Mine,

    /// <summary>
    /// SMILE (Song &amp; Ermon 2020): the critic is trained with the Jensen-Shannon (f-GAN) objective, as in the
    /// authors' estimator, and the bound is read as I_SMILE with clip τ (<see cref="NeuralMutualInformation.Clip"/>).
    /// </summary>
    Smile,

    /// <summary>
    /// Jensen-Shannon training read through NWJ at f + 1 (Poole et al. 2019, §2.3): the f-GAN JS objective trains f
    /// towards the log density ratio; I_JS = I_NWJ(f + 1).
    /// </summary>
    JensenShannon,
}
