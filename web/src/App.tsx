import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/AuthProvider';
import { RequireAuth } from './auth/RequireAuth';
import { CartProvider } from './cart/CartProvider';
import { Layout } from './components/Layout';
import { ToastProvider } from './components/ToastProvider';
import { AccountPage } from './pages/account/AccountPage';
import { AdminPage } from './pages/admin/AdminPage';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage';
import { LoginPage } from './pages/auth/LoginPage';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage';
import { SignupPage } from './pages/auth/SignupPage';
import { VerifyPage } from './pages/auth/VerifyPage';
import { CartPage } from './pages/cart/CartPage';
import { CheckoutPage } from './pages/checkout/CheckoutPage';
import { DevMailboxPage } from './pages/dev/DevMailboxPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrderPage } from './pages/orders/OrderPage';
import { OrdersPage } from './pages/orders/OrdersPage';
import { ProductPage } from './pages/shop/ProductPage';
import { ShopPage } from './pages/shop/ShopPage';
import { VendorPage } from './pages/vendor/VendorPage';

export function App() {
  return (
    <BrowserRouter>
      <ToastProvider>
        <AuthProvider>
          <CartProvider>
            <Routes>
              <Route element={<Layout />}>
                <Route index element={<ShopPage />} />
                <Route path="products/:productId" element={<ProductPage />} />
                <Route path="cart" element={<CartPage />} />
                <Route
                  path="checkout"
                  element={
                    <RequireAuth>
                      <CheckoutPage />
                    </RequireAuth>
                  }
                />
                <Route
                  path="orders"
                  element={
                    <RequireAuth>
                      <OrdersPage />
                    </RequireAuth>
                  }
                />
                <Route
                  path="orders/:orderId"
                  element={
                    <RequireAuth>
                      <OrderPage />
                    </RequireAuth>
                  }
                />
                <Route path="signup" element={<SignupPage />} />
                <Route path="verify" element={<VerifyPage />} />
                <Route path="login" element={<LoginPage />} />
                <Route path="forgot-password" element={<ForgotPasswordPage />} />
                <Route path="reset-password" element={<ResetPasswordPage />} />
                <Route
                  path="account"
                  element={
                    <RequireAuth>
                      <AccountPage />
                    </RequireAuth>
                  }
                />
                <Route
                  path="vendor"
                  element={
                    <RequireAuth roles={['Vendor']}>
                      <VendorPage />
                    </RequireAuth>
                  }
                />
                <Route
                  path="admin"
                  element={
                    <RequireAuth roles={['Admin', 'Manager']}>
                      <AdminPage />
                    </RequireAuth>
                  }
                />
                <Route path="dev/mailbox" element={<DevMailboxPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </CartProvider>
        </AuthProvider>
      </ToastProvider>
    </BrowserRouter>
  );
}
